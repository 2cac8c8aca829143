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

    private static Task<DirectProbeResult[]> ProbeAllAsync(List<(string Target, EndPoint Endpoint, string Host, string? Scheme)> plan, TimeSpan timeout, CancellationToken ct) =>
        Task.WhenAll(plan.Select(p => TargetProber.ProbeAsync(p.Target, p.Endpoint, p.Host, p.Scheme, timeout, ct)));

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
                    plan.AddRange(Endpoints(ListenerCandidates.ProbeTarget(l)).Select(e => (e.Target, e.Endpoint, e.Host, (string?)null)));
                }

                return;
            }

            var scoped = DiscoveredTargets.InScope(b, context.Query);
            foreach (var (address, scheme) in DiscoveredTargets.Tcp(scoped).Take(context.Options.MaxItems))
            {
                plan.AddRange(Endpoints(address).Select(e => (e.Target, e.Endpoint, e.Host, (string?)scheme)));
            }

            foreach (var path in DiscoveredTargets.Unix(scoped).Take(context.Options.MaxItems))
            {
                var scheme = scoped.First(t => t.Address == "unix:" + path).Scheme;
                plan.Add(("unix:" + path, new UnixDomainSocketEndPoint(context.Files.Map(path)), "localhost", scheme));
            }
        });
        return plan;
    }

    /// <summary>Local listeners nearest (by port) to a TCP target first: a moved backend usually moves a little.</summary>
    private static IEnumerable<Listener> Candidates(EvidenceBuilder b, DiagnoseQuery query, HashSet<string> planned)
    {
        var ports = DiscoveredTargets.Tcp(b, query).Select(t => EndpointMatcher.Split(t.Address)!.Value.Port).ToArray();
        if (ports.Length == 0) { return []; }
        return b.Listeners
            .Where(l => l.Family != SocketFamily.Unix && !ListenerCandidates.IsExcluded(l)
                && (ListenerCandidates.IsLoopback(l.Address) || l.Address is "0.0.0.0" or "::"))
            .Where(l => !planned.Contains(ListenerCandidates.ProbeTarget(l)))
            .DistinctBy(l => l.Port)
            .OrderBy(l => ports.Min(p => Math.Abs(p - l.Port)))
            .Take(MaxCandidates);
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
