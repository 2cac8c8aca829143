using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary><c>oom_killed</c>: the kernel OOM killer took the backend at the time of the cut connections.</summary>
public sealed class OomKilledRule : CompanionEventRule
{
    protected override string EventCause => Causes.OomKilled;
    protected override string RootCause => RootCauses.OomKilled;
    protected override IReadOnlyList<string> Refines { get; } = [Causes.PrematureClose, Causes.ConnectionReset, Causes.UpstreamDown];
    protected override string Describe(HostEvent e) => $"the kernel OOM killer killed {e.Subject ?? "a backend process"}";

    protected override IReadOnlyList<string> Remedy(RootCauseContext context, HostEvent e) =>
    [
        $"reduce the memory use of {e.Subject ?? "the backend"} (fewer workers, lower per-worker limits) or give the host/cgroup more memory",
        "journalctl -k | grep -i 'killed process'",
    ];
}
