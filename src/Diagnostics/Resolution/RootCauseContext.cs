using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Diagnostics.Resolution;

/// <summary>A finding with the host evidence, plus the look-ups every rule needs (which config lines dial the target).</summary>
public sealed class RootCauseContext
{
    /// <summary>Companion events within this distance of the finding's records count as "at the same time".</summary>
    public static readonly TimeSpan EventSlack = TimeSpan.FromMinutes(2);

    public RootCauseContext(Finding finding, HostEvidence evidence)
    {
        Finding = finding;
        Evidence = evidence;
        Target = finding.Target ?? "";
        Upstreams = evidence.Instances.SelectMany(i => i.Upstreams)
            .Where(u => u.Name == Target || u.Members.Any(m => EndpointMatcher.Same(m.Address, Target))).ToArray();
        Passes = FindPasses();
        Listings = FindListings();
    }

    public Finding Finding { get; }
    public HostEvidence Evidence { get; }

    /// <summary>The finding's target, or empty when the records named none.</summary>
    public string Target { get; }

    public bool IsUnixTarget => Target.StartsWith("unix:", StringComparison.Ordinal);

    /// <summary>Upstream blocks named by the target or holding it as a member.</summary>
    public IReadOnlyList<UpstreamBlock> Upstreams { get; }

    /// <summary>Pass directives that dial the target directly or through one of <see cref="Upstreams"/>.</summary>
    public IReadOnlyList<PassDirective> Passes { get; }

    /// <summary>The <c>server</c> lines of <see cref="Upstreams"/> whose address is the target, in configuration order.</summary>
    public IReadOnlyList<UpstreamListing> Listings { get; }

    public DirectProbeResult? Probe(string target) =>
        Evidence.DirectProbes.FirstOrDefault(p => EndpointMatcher.Same(p.Target, target));

    public DirectProbeResult? TargetProbe => Probe(Target);

    /// <summary>The user nginx workers run as, with groups when /etc/passwd and /etc/group had them.</summary>
    public UserIdentity? WorkerUser
    {
        get
        {
            var name = Evidence.Instances.Select(i => i.WorkerUser).FirstOrDefault(u => u is not null);
            return name is null ? null : Evidence.Users.GetValueOrDefault(name) ?? new UserIdentity { Name = name };
        }
    }

    /// <summary>Events with the cause, within the finding's time window (any time when either side has no time).</summary>
    public IReadOnlyList<HostEvent> EventsInWindow(string cause) => Evidence.Events
        .Where(e => e.Cause == cause && InWindow(e.Time)).ToArray();

    private bool InWindow(DateTime? time)
    {
        if (time is null || Finding.FirstSeen is null) { return true; }
        var last = Finding.LastSeen ?? Finding.FirstSeen.Value;
        return time >= Finding.FirstSeen.Value - EventSlack && time <= last + EventSlack;
    }

    private List<UpstreamListing> FindListings()
    {
        var listings = new List<UpstreamListing>();
        foreach (var u in Upstreams)
        {
            foreach (var m in u.Members)
            {
                if (EndpointMatcher.Same(m.Address, Target)) { listings.Add(new UpstreamListing(u, m)); }
            }
        }

        return listings;
    }

    private PassDirective[] FindPasses()
    {
        var names = Upstreams.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var all = Evidence.Instances.SelectMany(i => i.Passes)
            .Where(p => names.Contains(p.Address) || (Target.Length > 0 && EndpointMatcher.Same(p.Address, Target)))
            .ToArray();

        // Prefer the server blocks the records named; fall back to every match when none line up.
        var servers = Finding.Servers;
        var inServers = all.Where(p => p.ServerNames.Any(s => servers.Contains(s))).ToArray();
        var candidates = inServers.Length > 0 ? inServers : all;

        // One address can sit behind several directives (fastcgi_pass and grpc_pass to the same port): the records'
        // upstream scheme says which one nginx used, so its file:line is the one to change.
        var sameScheme = Finding.Scheme is { } scheme ? candidates.Where(p => p.Scheme == scheme).ToArray() : [];
        return sameScheme.Length > 0 ? sameScheme : candidates;
    }
}
