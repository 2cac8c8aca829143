using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Evidence gathered during one run. Probes add to it in order; later probes read what earlier ones found (the config
/// probe reads discovered instances, direct probes read targets). Thread-safe; frozen when the run ends so a probe
/// that outlived its timeout cannot change the result afterwards.
/// </summary>
public sealed class EvidenceBuilder
{
    /// <summary>
    /// Time (none last), probe, file, line (none first), text. One comparer rather than OrderBy/ThenBy on the value-typed
    /// keys, which would each add generic instantiations to the NativeAOT binary (docs/agent.md).
    /// </summary>
    private static readonly Comparer<HostEvent> EventOrder = Comparer<HostEvent>.Create((a, b) =>
    {
        var c = (a.Time ?? DateTime.MaxValue).CompareTo(b.Time ?? DateTime.MaxValue);
        if (c == 0) { c = string.CompareOrdinal(a.Probe, b.Probe); }
        if (c == 0) { c = string.CompareOrdinal(a.Location?.File, b.Location?.File); }
        if (c == 0) { c = Nullable.Compare(a.Location?.Line, b.Location?.Line); }
        return c == 0 ? string.CompareOrdinal(a.Text, b.Text) : c;
    });

    private readonly Lock _gate = new();
    private bool _frozen;

    public List<NginxInstance> Instances { get; } = [];
    public List<ProcessInfo> Processes { get; } = [];
    public List<Listener> Listeners { get; } = [];
    public List<UnixSocketInfo> UnixSockets { get; } = [];
    public Dictionary<string, UserIdentity> Users { get; } = new(StringComparer.Ordinal);
    public List<DirectProbeResult> DirectProbes { get; } = [];
    public List<ServiceState> Services { get; } = [];
    public List<PhpFpmPool> PhpFpmPools { get; } = [];
    public List<string> PhpFpmLogs { get; } = [];
    public List<HostEvent> Events { get; } = [];
    public List<ProcessLimits> Limits { get; } = [];
    public List<PortUsage> PortUsage { get; } = [];
    public SelinuxState? Selinux { get; private set; }
    public Diagnosis? Diagnosis { get; private set; }

    /// <summary>Applies a change unless the run is over.</summary>
    public void Update(Action<EvidenceBuilder> change)
    {
        lock (_gate)
        {
            if (!_frozen) { change(this); }
        }
    }

    /// <summary>Reads a consistent snapshot (probes read what earlier probes found through this).</summary>
    public T Read<T>(Func<EvidenceBuilder, T> read)
    {
        lock (_gate)
        {
            return read(this);
        }
    }

    public void SetSelinux(SelinuxState state) => Update(b => b.Selinux = state);

    public void SetDiagnosis(Diagnosis diagnosis) => Update(b => b.Diagnosis = diagnosis);

    public HostEvidence Freeze()
    {
        lock (_gate)
        {
            _frozen = true;
            return new HostEvidence
            {
                Instances = [.. Instances],
                Listeners = [.. Listeners],
                UnixSockets = [.. UnixSockets],
                Users = new Dictionary<string, UserIdentity>(Users),
                DirectProbes = [.. DirectProbes],
                Services = [.. Services],
                PhpFpmPools = [.. PhpFpmPools],
                // Several probes of one stage add events concurrently: order them so the same host gives the same answer.
                Events = [.. Events.OrderBy(e => e, EventOrder)],
                Selinux = Selinux,
                Limits = [.. Limits],
                PortUsage = [.. PortUsage],
            };
        }
    }
}
