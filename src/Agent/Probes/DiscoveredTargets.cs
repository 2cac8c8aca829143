using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Resolution;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// The only targets probes may touch: those the nginx configuration and PHP-FPM pools name. A request's target is
/// honoured only as a key into this list, never as an address of its own. The scoped overloads narrow the list to
/// what the query is about (see <see cref="InScope"/>).
/// </summary>
public static class DiscoveredTargets
{
    /// <summary>Socket paths (without <c>unix:</c>) from pass directives, upstream members and pool listens.</summary>
    public static IEnumerable<string> Unix(EvidenceBuilder b) => UnixOf(All(b));

    /// <summary>Socket paths of the targets in the query's scope.</summary>
    public static IEnumerable<string> Unix(EvidenceBuilder b, DiagnoseQuery q) => UnixOf(InScope(b, q));

    /// <summary>TCP endpoints (host:port) with the scheme nginx uses for them; variables and bare upstream names excluded.</summary>
    public static IEnumerable<(string Address, string Scheme)> Tcp(EvidenceBuilder b) => TcpOf(All(b));

    /// <summary>TCP endpoints of the targets in the query's scope.</summary>
    public static IEnumerable<(string Address, string Scheme)> Tcp(EvidenceBuilder b, DiagnoseQuery q) => TcpOf(InScope(b, q));

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

    /// <summary>
    /// The targets a query is about: those of the passes in its server's blocks, those matching its upstream target,
    /// and those of the error-log findings it selects (their evidence is what resolves them). A whole-host query, or
    /// a scope that matches no discovered target (an unknown server name), keeps every target: narrowing must never
    /// leave a diagnosis with less evidence than it had before.
    /// </summary>
    public static IReadOnlyList<(string Address, string Scheme)> InScope(EvidenceBuilder b, DiagnoseQuery q)
    {
        var all = new List<(string Address, string Scheme)>(All(b));
        if (q.IsWholeHost) { return all; }
        var wanted = Wanted(b, q);
        // Most targets share no port with what is wanted: compare spellings (localhost, [::1]) only on a port match.
        var ports = new HashSet<int>();
        foreach (var w in wanted)
        {
            if (EndpointMatcher.Split(w) is { } hp) { ports.Add(hp.Port); }
        }

        // Loops rather than LINQ over the (Address, Scheme) tuples: each LINQ operator over a value type is a set of
        // generic instantiations in the NativeAOT binary, whose size is the agent's idle RSS (docs/agent.md).
        var scoped = new List<(string Address, string Scheme)>();
        foreach (var t in all)
        {
            if (wanted.Contains(t.Address) || (EndpointMatcher.Split(t.Address) is { } s && ports.Contains(s.Port) && SameAsAny(wanted, t.Address)))
            {
                scoped.Add(t);
            }
        }

        return scoped.Count > 0 ? scoped : all;
    }

    private static bool SameAsAny(HashSet<string> wanted, string address)
    {
        foreach (var w in wanted)
        {
            if (EndpointMatcher.Same(w, address)) { return true; }
        }

        return false;
    }

    private static HashSet<string> Wanted(EvidenceBuilder b, DiagnoseQuery q)
    {
        var wanted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var upstreams = b.Instances.SelectMany(i => i.Upstreams).GroupBy(u => u.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(u => u.Members).Select(m => m.Address).ToArray(), StringComparer.Ordinal);
        void Add(string address)
        {
            wanted.Add(address);
            if (upstreams.TryGetValue(address, out var members)) { wanted.UnionWith(members); }
        }

        foreach (var p in b.Instances.SelectMany(i => i.Passes).Where(p => Names(p, q) && Targets(p, q, upstreams))) { Add(p.Address); }
        foreach (var f in b.Diagnosis?.Findings ?? [])
        {
            if (f.Target is { } t && q.Selects(f)) { Add(t); }
        }

        if (!string.IsNullOrEmpty(q.UpstreamTarget)) { Add(q.UpstreamTarget); }
        return wanted;
    }

    // nginx compares server names case-insensitively.
    private static bool Names(PassDirective p, DiagnoseQuery q) =>
        string.IsNullOrEmpty(q.ServerName) || p.ServerNames.Contains(q.ServerName, StringComparer.OrdinalIgnoreCase);

    private static bool Targets(PassDirective p, DiagnoseQuery q, Dictionary<string, string[]> upstreams) =>
        string.IsNullOrEmpty(q.UpstreamTarget) || p.Address == q.UpstreamTarget || EndpointMatcher.Same(p.Address, q.UpstreamTarget)
        || (upstreams.TryGetValue(p.Address, out var members) && members.Any(m => EndpointMatcher.Same(m, q.UpstreamTarget)));

    public static IEnumerable<string> Unix(IEnumerable<(string Address, string Scheme)> targets) => UnixOf(targets);

    public static IEnumerable<(string Address, string Scheme)> Tcp(IEnumerable<(string Address, string Scheme)> targets) => TcpOf(targets);

    private static IEnumerable<string> UnixOf(IEnumerable<(string Address, string Scheme)> targets)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in targets)
        {
            if (t.Address.StartsWith("unix:", StringComparison.Ordinal) && seen.Add(t.Address[5..])) { yield return t.Address[5..]; }
        }
    }

    private static IEnumerable<(string Address, string Scheme)> TcpOf(IEnumerable<(string Address, string Scheme)> targets)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in targets)
        {
            if (!t.Address.StartsWith("unix:", StringComparison.Ordinal) && !t.Address.Contains('$')
                && EndpointMatcher.Split(t.Address) is not null && seen.Add(t.Address))
            {
                yield return t;
            }
        }
    }
}
