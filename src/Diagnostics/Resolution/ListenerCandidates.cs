using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Diagnostics.Resolution;

/// <summary>
/// Who else listens where nginx's target does not: same port on another address or family (IPv6-only bind), or
/// another port that plausibly belongs to the same backend. Ranking is explicit so an ambiguous host yields no claim.
/// </summary>
public static class ListenerCandidates
{
    /// <summary>Processes that never are the web backend nginx meant to reach.</summary>
    private static readonly HashSet<string> Infrastructure = new(StringComparer.Ordinal)
    {
        "nginx", "sshd", "systemd", "systemd-resolve", "systemd-resolved", "chronyd", "cupsd", "dnsmasq", "named",
        "master", "exim4", "postgres", "mysqld", "mariadbd", "redis-server", "memcached", "rpcbind", "nginx502bot-agent",
    };

    /// <summary>True when a listener accepts on the target, unless the direct probe saw the connect refused.</summary>
    public static bool IsListening(RootCauseContext c, string host, int port, out Listener? listener)
    {
        listener = c.Evidence.Listeners.FirstOrDefault(l => EndpointMatcher.Accepts(l, host, port));
        var probe = c.TargetProbe;
        if (probe is { Connected: false }) { return false; }
        return listener is not null || probe is { Connected: true };
    }

    /// <summary>Listeners on the same port that nginx's address does not reach (other address or family).</summary>
    public static IReadOnlyList<Listener> SamePortElsewhere(RootCauseContext c, string host, int port) => c.Evidence.Listeners
        .Where(l => l.Family != SocketFamily.Unix && l.Port == port && !IsExcluded(l) && !SameAddressFamily(l, host)).ToArray();

    /// <summary>Other-port candidates ranked best first, with their score.</summary>
    public static IReadOnlyList<ListenerCandidate> OtherPorts(RootCauseContext c, string host, int port, string scheme)
    {
        var targeted = c.Evidence.Instances.SelectMany(i => i.Passes.Select(p => p.Address)
            .Concat(i.Upstreams.SelectMany(u => u.Members.Select(m => m.Address)))).ToArray();
        return c.Evidence.Listeners
            .Where(l => l.Family != SocketFamily.Unix && l.Port != port && !IsExcluded(l) && Reachable(l, host))
            .Where(l => !targeted.Any(t => EndpointMatcher.Split(t) is { } s && EndpointMatcher.Accepts(l, s.Host, s.Port)))
            .DistinctBy(l => l.Port)
            .Select(l => new ListenerCandidate(l, Score(c, l, host, port, scheme)))
            .OrderByDescending(x => x.Score).ToArray();
    }

    private static int Score(RootCauseContext c, Listener l, string host, int port, string scheme)
    {
        var score = 0;
        if (l.Address == host) { score++; }
        if (IsNear(l.Port, port)) { score++; }
        var speaks = c.Probe(ProbeTarget(l))?.Speaks;
        if (speaks is not null && speaks == Rules.ProtocolMismatchRule.Expected(scheme)) { score += 2; }
        return score;
    }

    /// <summary>Ports this close count as "the backend moved" (8000 to 8001, 3000 to 3010).</summary>
    public const int NearPorts = 100;

    public static bool IsNear(int port, int target) => Math.Abs(port - target) <= NearPorts;

    /// <summary>True when the direct probe saw the listener speak a protocol other than the one the scheme needs.</summary>
    public static bool SpeaksOther(RootCauseContext c, Listener l, string scheme) =>
        c.Probe(ProbeTarget(l))?.Speaks is { } speaks && speaks != "unknown"
        && Rules.ProtocolMismatchRule.Expected(scheme) is { } expected && speaks != expected;

    /// <summary>The address the agent probes a listener at (loopback for wildcard binds).</summary>
    public static string ProbeTarget(Listener l) => l.Family switch
    {
        SocketFamily.IPv6 => l.Address == "::" ? $"[::1]:{l.Port}" : $"[{l.Address}]:{l.Port}",
        _ => l.Address == "0.0.0.0" ? $"127.0.0.1:{l.Port}" : $"{l.Address}:{l.Port}",
    };

    public static bool IsExcluded(Listener l) => l.Process is { } p && Infrastructure.Contains(p);

    private static bool SameAddressFamily(Listener l, string host) => EndpointMatcher.Accepts(l, host, l.Port);

    // A loopback target can only have meant a service on this host: loopback or wildcard binds.
    private static bool Reachable(Listener l, string host) => l.Address is "0.0.0.0" or "::" || l.Address == host
        || (IsLoopback(host) && IsLoopback(l.Address));

    public static bool IsLoopback(string host) => host is "localhost" or "::1" || host.StartsWith("127.", StringComparison.Ordinal);
}
