using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary><c>php_fatal</c>: a PHP fatal error in the backend log at the time of the cut connection.</summary>
public sealed class PhpFatalRule : CompanionEventRule
{
    protected override string EventCause => Causes.PhpFatal;
    protected override string RootCause => RootCauses.PhpFatal;
    protected override IReadOnlyList<string> Refines { get; } = [Causes.PrematureClose, Causes.PhpFatal];
    protected override string Describe(HostEvent e) => "PHP hit a fatal error";

    protected override IReadOnlyList<string> Remedy(RootCauseContext context, HostEvent e) =>
        [$"fix the PHP fatal error: {e.Text}"];
}
