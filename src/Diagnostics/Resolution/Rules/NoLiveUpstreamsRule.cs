using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary><c>no_live_upstreams</c>: every member of the upstream block, checked one by one, with its own state.</summary>
public sealed class NoLiveUpstreamsRule : IRootCauseRule
{
    public RootCauseResolution? TryResolve(RootCauseContext context)
    {
        if (context.Finding.Cause != Causes.NoLiveUpstreams) { return null; }
        var upstream = context.Upstreams.FirstOrDefault(u => u.Name == context.Target);
        if (upstream is null || upstream.Members.Count == 0) { return null; }

        var facts = new List<EvidenceFact>();
        var dead = new List<string>();
        foreach (var m in upstream.Members)
        {
            var alive = Alive(context, m.Address);
            facts.Add(new EvidenceFact($"member {m.Address}: {(alive ? "accepts connections" : "nothing accepts connections")}", ProbeNames.Listeners, m.Location));
            if (!alive) { dead.Add(m.Address); }
        }

        return new RootCauseResolution
        {
            RootCause = RootCauses.NoLiveUpstreams,
            Confidence = dead.Count == upstream.Members.Count ? Confidence.High : Confidence.Medium,
            Summary = dead.Count == upstream.Members.Count
                ? $"every member of upstream {upstream.Name} is down"
                : $"members of upstream {upstream.Name} were marked failed (max_fails/fail_timeout); {dead.Count} of {upstream.Members.Count} are down now",
            Facts = facts,
            Remediation =
            [
                dead.Count > 0
                    ? $"start the backends at {string.Join(", ", dead)}"
                    : "the members answer now: look at each member's own errors in the window (max_fails/fail_timeout marked them failed)",
                Remedies.FailureSettings(upstream, context.Passes),
            ],
        };
    }

    private static bool Alive(RootCauseContext context, string address)
    {
        if (context.Probe(address) is { } probe) { return probe.Connected; }
        if (address.StartsWith("unix:", StringComparison.Ordinal))
        {
            return context.Evidence.UnixSockets.Any(s => "unix:" + s.Path == address && s.Listening);
        }

        return EndpointMatcher.Split(address) is { } s && context.Evidence.Listeners.Any(l => EndpointMatcher.Accepts(l, s.Host, s.Port));
    }
}
