using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary><c>app_crash</c>: a backend worker exited on a signal (segfault, abort) when nginx lost the connection.</summary>
public sealed class AppCrashRule : CompanionEventRule
{
    protected override string EventCause => Causes.AppCrash;
    protected override string RootCause => RootCauses.AppCrash;
    protected override string Describe(HostEvent e) => $"a {e.Subject ?? "backend"} worker crashed";

    protected override IReadOnlyList<string> Remedy(RootCauseContext context, HostEvent e) =>
    [
        $"find the crashing code path of {e.Subject ?? "the backend"}: enable core dumps (`coredumpctl list`) and check recently changed extensions",
    ];
}
