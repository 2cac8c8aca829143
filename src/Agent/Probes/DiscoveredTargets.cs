using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// The only targets probes may touch: those the nginx configuration and PHP-FPM pools name. A request's target is
/// honoured only as a key into this list, never as an address of its own.
/// </summary>
public static class DiscoveredTargets
{
    /// <summary>Socket paths (without <c>unix:</c>) from pass directives, upstream members and pool listens.</summary>
    public static IEnumerable<string> Unix(EvidenceBuilder b) => All(b)
        .Where(t => t.Address.StartsWith("unix:", StringComparison.Ordinal)).Select(t => t.Address[5..]).Distinct();

    /// <summary>TCP endpoints (host:port) with the scheme nginx uses for them; variables and bare upstream names excluded.</summary>
    public static IEnumerable<(string Address, string Scheme)> Tcp(EvidenceBuilder b) => All(b)
        .Where(t => !t.Address.StartsWith("unix:", StringComparison.Ordinal) && !t.Address.Contains('$')
            && Diagnostics.Resolution.EndpointMatcher.Split(t.Address) is not null)
        .DistinctBy(t => t.Address);

    public static IEnumerable<(string Address, string Scheme)> All(EvidenceBuilder b)
    {
        foreach (var i in b.Instances)
        {
            var upstreams = i.Upstreams.ToDictionary(u => u.Name, StringComparer.Ordinal);
            foreach (var p in i.Passes)
            {
                if (upstreams.TryGetValue(p.Address, out var u))
                {
                    foreach (var m in u.Members) { yield return (m.Address, p.Scheme); }
                }
                else { yield return (p.Address, p.Scheme); }
            }
        }

        foreach (var pool in b.PhpFpmPools)
        {
            if (pool.ListenTarget is { } t) { yield return (t, "fastcgi"); }
        }
    }
}
