using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary><c>upstream_down</c> confirmed: nothing listens on the TCP target and no single candidate listens elsewhere.</summary>
public sealed class UpstreamDownRule : IRootCauseRule
{
    public RootCauseResolution? TryResolve(RootCauseContext context)
    {
        if (context.Finding.Cause is not (Causes.UpstreamDown or Causes.UpstreamTimeoutConnect) || context.IsUnixTarget) { return null; }
        if (EndpointMatcher.Split(context.Target) is not { } t) { return null; }
        if (context.Evidence.Listeners.Count == 0 && context.TargetProbe is null) { return null; }
        if (ListenerCandidates.IsListening(context, t.Host, t.Port, out _)) { return null; }

        var down = context.Evidence.Services.Where(s => s.IsDown).ToArray();
        var facts = new List<EvidenceFact> { new($"nothing listens on {context.Target}", ProbeNames.Listeners) };
        if (context.TargetProbe is { } probe) { facts.Add(new EvidenceFact($"direct TCP connect to {context.Target}: {probe.ConnectError ?? "failed"}", ProbeNames.DirectProbe)); }
        facts.AddRange(down.Select(s => new EvidenceFact($"{s.Name} is {s.ActiveState} ({s.SubState}, result {s.Result}, restarts {s.Restarts})", ProbeNames.ServiceState)));
        facts.AddRange(context.Passes.Take(3).Select(p => new EvidenceFact($"nginx dials it via `{Remedies.Pass(p)}`", ProbeNames.NginxConfig, p.Location)));
        facts.AddRange(context.Listings.Select(l =>
            new EvidenceFact($"upstream {l.Upstream.Name} lists it as `{Remedies.Member(l.Member)}`", ProbeNames.NginxConfig, l.Member.Location)));

        var candidates = ListenerCandidates.IsLoopback(t.Host)
            ? ListenerCandidates.OtherPorts(context, t.Host, t.Port, context.Finding.Scheme ?? "http").Where(c => c.Score >= 2).Take(3).ToArray()
            : [];
        return new RootCauseResolution
        {
            RootCause = RootCauses.UpstreamDown,
            Confidence = down.Length > 0 || context.TargetProbe is not null ? Confidence.High : Confidence.Medium,
            Summary = $"the backend at {context.Target} is down: nothing listens there",
            Facts = facts,
            LikelyCauses = candidates.Select(c => $"or nginx should dial {c.Listener.Endpoint} ({c.Listener.Process}) instead").ToArray(),
            Remediation = [.. Start(context, down), .. Remedies.RetargetAt(context) is { } edit ? [edit] : Array.Empty<string>()],
        };
    }

    private static string[] Start(RootCauseContext context, ServiceState[] down) => down.Length > 0
        ? [.. down.Select(s => $"systemctl start {s.Name}"), $"journalctl -u {down[0].Name} -n 50"]
        : [$"start the backend that should listen on {context.Target}"];
}
