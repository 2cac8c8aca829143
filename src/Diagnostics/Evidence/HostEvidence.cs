namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>Everything the agent's probes saw on one host. Empty lists mean "looked and found nothing" or "not probed".</summary>
public sealed record HostEvidence
{
    public IReadOnlyList<NginxInstance> Instances { get; init; } = [];
    public IReadOnlyList<Listener> Listeners { get; init; } = [];
    public IReadOnlyList<UnixSocketInfo> UnixSockets { get; init; } = [];
    public IReadOnlyDictionary<string, UserIdentity> Users { get; init; } = new Dictionary<string, UserIdentity>();
    public IReadOnlyList<DirectProbeResult> DirectProbes { get; init; } = [];
    public IReadOnlyList<ServiceState> Services { get; init; } = [];
    public IReadOnlyList<PhpFpmPool> PhpFpmPools { get; init; } = [];
    public IReadOnlyList<HostEvent> Events { get; init; } = [];
    public SelinuxState? Selinux { get; init; }
    public IReadOnlyList<ProcessLimits> Limits { get; init; } = [];
    public IReadOnlyList<PortUsage> PortUsage { get; init; } = [];
}
