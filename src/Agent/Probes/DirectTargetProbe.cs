using System.Net;
using System.Net.Sockets;
using Nginx502Bot.Agent.Probes.Direct;
using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Resolution;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Connects to every discovered target in the query's scope directly (TCP or unix), plus the few other local listeners
/// that could be the backend nginx meant (the wrong-port case), and identifies what each speaks. Hostnames other than
/// localhost are not resolved: the agent does no DNS on behalf of a request.
/// </summary>
public sealed class DirectTargetProbe : IProbe
{
    /// <summary>Other local listeners probed as wrong-target candidates.</summary>
    public const int MaxCandidates = 16;

    public string Name => ProbeNames.DirectProbe;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Targets;

    public async Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        if (!context.Options.DirectProbes) { return ProbeOutcome.Skip("direct probes are off (Agent:DirectProbes)"); }
        var targets = Plan(context, candidates: false);
        if (targets.Count == 0) { return ProbeOutcome.Skip("no target to probe"); }

        var timeout = TimeSpan.FromMilliseconds(context.Options.DirectTimeoutMs);
        var results = (await ProbeAllAsync(targets, timeout, cancellationToken)).ToList();
        context.Evidence.Update(b => b.DirectProbes.AddRange(results));

        // Other listeners only matter when a target refuses (the wrong-port and IPv6-only cases): skip them otherwise.
        if (results.Any(r => !r.Connected && !r.Target.StartsWith("unix:", StringComparison.Ordinal)))
        {
            var more = await ProbeAllAsync(Plan(context, candidates: true), timeout, cancellationToken);
            context.Evidence.Update(b => b.DirectProbes.AddRange(more));
            results.AddRange(more);
        }

        return new ProbeOutcome(ProbeStatus.Ok, $"{results.Count(r => r.Connected)} of {results.Count} targets accept connections");
    }

    private static Task<DirectProbeResult[]> ProbeAllAsync(List<(string Target, EndPoint Endpoint, string Host, string? Scheme)> plan, TimeSpan timeout, CancellationToken ct)
    {
        // Loops rather than LINQ over the plan's tuples keep value-type LINQ instantiations out of the AOT binary (docs/agent.md).
        var probes = new Task<DirectProbeResult>[plan.Count];
        for (var i = 0; i < plan.Count; i++)
        {
            var p = plan[i];
            probes[i] = TargetProber.ProbeAsync(p.Target, p.Endpoint, p.Host, p.Scheme, timeout, ct);
        }

        return Task.WhenAll(probes);
    }

    private static List<(string Target, EndPoint Endpoint, string Host, string? Scheme)> Plan(ProbeContext context, bool candidates)
    {
        var plan = new List<(string, EndPoint, string, string?)>();
        context.Evidence.Update(b =>
        {
            if (candidates)
            {
                var probed = b.DirectProbes.Select(p => p.Target).ToHashSet();
                foreach (var l in Candidates(b, context.Query, probed))
                {
                    foreach (var e in Endpoints(ListenerCandidates.ProbeTarget(l))) { plan.Add((e.Target, e.Endpoint, e.Host, null)); }
                }

                return;
            }

            var scoped = DiscoveredTargets.InScope(b, context.Query);
            var taken = 0;
            foreach (var (address, scheme) in DiscoveredTargets.Tcp(scoped))
            {
                if (taken++ == context.Options.MaxItems) { break; }
                foreach (var e in Endpoints(address)) { plan.Add((e.Target, e.Endpoint, e.Host, scheme)); }
            }

            taken = 0;
            foreach (var path in DiscoveredTargets.Unix(scoped))
            {
                if (taken++ == context.Options.MaxItems) { break; }
                plan.Add(("unix:" + path, new UnixDomainSocketEndPoint(context.Files.Map(path)), "localhost", SchemeOf(scoped, "unix:" + path)));
            }
        });
        return plan;
    }

    private static string SchemeOf(IReadOnlyList<(string Address, string Scheme)> targets, string address)
    {
        foreach (var t in targets)
        {
            if (t.Address == address) { return t.Scheme; }
        }

        throw new InvalidOperationException("a unix target that is not in the list it came from: " + address);
    }

    /// <summary>Local listeners nearest (by port) to a TCP target first: a moved backend usually moves a little.</summary>
    private static IEnumerable<Listener> Candidates(EvidenceBuilder b, DiagnoseQuery query, HashSet<string> planned)
    {
        var ports = new List<int>();
        foreach (var t in DiscoveredTargets.Tcp(b, query)) { ports.Add(EndpointMatcher.Split(t.Address)!.Value.Port); }
        if (ports.Count == 0) { return []; }
        return b.Listeners
            .Where(l => l.Family != SocketFamily.Unix && !ListenerCandidates.IsExcluded(l)
                && (ListenerCandidates.IsLoopback(l.Address) || l.Address is "0.0.0.0" or "::"))
            .Where(l => !planned.Contains(ListenerCandidates.ProbeTarget(l)))
            .DistinctBy(l => l.Port)
            .OrderBy(l => Distance(ports, l.Port))
            .Take(MaxCandidates);
    }

    private static int Distance(List<int> ports, int port)
    {
        var nearest = int.MaxValue;
        foreach (var p in ports) { nearest = Math.Min(nearest, Math.Abs(p - port)); }
        return nearest;
    }

    /// <summary>IP literals as they are; localhost as both loopbacks, the way nginx resolves it.</summary>
    private static IEnumerable<(string Target, EndPoint Endpoint, string Host)> Endpoints(string address)
    {
        if (EndpointMatcher.Split(address) is not { } hp) { yield break; }
        if (hp.Host == "localhost")
        {
            yield return ($"127.0.0.1:{hp.Port}", new IPEndPoint(IPAddress.Loopback, hp.Port), "localhost");
            yield return ($"[::1]:{hp.Port}", new IPEndPoint(IPAddress.IPv6Loopback, hp.Port), "localhost");
        }
        else if (IPAddress.TryParse(hp.Host, out var ip))
        {
            var target = ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{hp.Host}]:{hp.Port}" : address;
            yield return (target, new IPEndPoint(ip, hp.Port), hp.Host);
        }
    }
}
