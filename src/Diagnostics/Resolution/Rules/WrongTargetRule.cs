using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary>
/// <c>wrong_target</c> for TCP: nothing accepts on the address nginx dials, but the backend listens on the same port
/// with another address or family (IPv6-only bind), or — unambiguously — on another port.
/// </summary>
public sealed class WrongTargetRule : IRootCauseRule
{
    public RootCauseResolution? TryResolve(RootCauseContext context)
    {
        if (context.Finding.Cause != Causes.UpstreamDown || context.IsUnixTarget) { return null; }
        if (EndpointMatcher.Split(context.Target) is not { } t || context.Evidence.Listeners.Count == 0) { return null; }
        if (ListenerCandidates.IsListening(context, t.Host, t.Port, out _)) { return null; }

        var samePort = ListenerCandidates.SamePortElsewhere(context, t.Host, t.Port).Head();
        if (samePort is not null) { return Resolve(context, samePort, Confidence.High, SamePortNote(samePort, t.Host)); }

        if (!ListenerCandidates.IsLoopback(t.Host)) { return null; }
        var scheme = context.Finding.Scheme ?? context.Passes.Head()?.Scheme ?? "http";
        // Naming another port is a claim that it is the same backend: it must be near (a moved backend moves a
        // little) and must not be seen speaking another protocol. A far or foreign listener stays a "likely" at most.
        var ranked = ListenerCandidates.OtherPorts(context, t.Host, t.Port, scheme)
            .Where(r => ListenerCandidates.IsNear(r.Listener.Port, t.Port) && !ListenerCandidates.SpeaksOther(context, r.Listener, scheme)).ToArray();
        if (ranked.Length == 0 || ranked[0].Score < 2) { return null; }
        var best = ranked.Where(r => r.Score == ranked[0].Score).OrderBy(r => Math.Abs(r.Listener.Port - t.Port)).ToArray();
        var distance = Math.Abs(best[0].Listener.Port - t.Port);

        // Equal evidence for several listeners: only a strictly nearest port is named, and then with less confidence.
        if (best.Length > 1 && Math.Abs(best[1].Listener.Port - t.Port) == distance) { return null; }
        var confidence = best.Length == 1 && ranked[0].Score >= 3 ? Confidence.High : Confidence.Medium;
        return Resolve(context, best[0].Listener, confidence, $"nothing listens on {context.Target}");
    }

    private static string SamePortNote(Listener l, string host) => EndpointMatcher.IsIPv6(l.Address) && !EndpointMatcher.IsIPv6(host)
        ? $"the backend is bound to IPv6 only ({l.Endpoint}); nginx dials IPv4 {host}"
        : $"the backend is bound to {l.Endpoint}, not {host}";

    private static RootCauseResolution Resolve(RootCauseContext context, Listener listener, Confidence confidence, string note)
    {
        var newAddress = ListenerCandidates.ProbeTarget(listener);
        var who = listener.Process is null ? "" : $" ({listener.Process}, pid {listener.Pid})";
        var facts = new List<EvidenceFact>
        {
            new($"nothing accepts connections on {context.Target}", context.TargetProbe is null ? ProbeNames.Listeners : ProbeNames.DirectProbe),
            new($"{listener.Endpoint} is listening{who}", ProbeNames.Listeners),
        };
        if (context.Probe(newAddress) is { Speaks: { } speaks }) { facts.Add(new EvidenceFact($"{newAddress} speaks {speaks}", ProbeNames.DirectProbe)); }
        facts.AddRange(context.Passes.Select(p => new EvidenceFact($"nginx dials it via `{Remedies.Pass(p)}`", ProbeNames.NginxConfig, p.Location)));
        return new RootCauseResolution
        {
            RootCause = RootCauses.WrongTarget,
            Confidence = confidence,
            Summary = $"nginx dials {context.Target} but the backend listens on {listener.Endpoint}: {note}",
            Facts = facts,
            Remediation = Fix(context, newAddress),
        };
    }

    private static string[] Fix(RootCauseContext context, string newAddress)
    {
        if (context.Listings.Head()?.Member is { } member) { return [Remedies.ChangeDirective(member.Location, $"server {member.Address}", $"server {newAddress}")]; }
        var pass = context.Passes.Head();
        return pass is null
            ? [$"point nginx at {newAddress} instead of {context.Target}, then `{Remedies.ReloadNginx}`"]
            : [Remedies.ChangeDirective(pass.Location, Remedies.Pass(pass), Remedies.PassWithAddress(pass, newAddress))];
    }
}
