using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution.Rules;

/// <summary>
/// A cut connection explained by a backend event at the same time (kernel OOM kill, a worker dying on a signal, a
/// worker killed for slowness, a PHP fatal). Subclasses name the event and its remedy.
/// </summary>
public abstract class CompanionEventRule : IRootCauseRule
{
    protected abstract string EventCause { get; }
    protected abstract string RootCause { get; }
    protected virtual IReadOnlyList<string> Refines { get; } = [Causes.PrematureClose, Causes.ConnectionReset];
    protected abstract string Describe(HostEvent e);
    protected abstract IReadOnlyList<string> Remedy(RootCauseContext context, HostEvent e);

    public RootCauseResolution? TryResolve(RootCauseContext context)
    {
        if (!Refines.Contains(context.Finding.Cause)) { return null; }
        var events = context.EventsInWindow(EventCause);
        if (events.Count == 0) { return null; }
        var first = events[0];
        return new RootCauseResolution
        {
            RootCause = RootCause,
            Confidence = first.Time is not null && context.Finding.FirstSeen is not null ? Confidence.High : Confidence.Medium,
            Summary = $"{Describe(first)} when nginx lost the connection to {context.Target}",
            Facts = events.Take(5).Select(e => new EvidenceFact(e.Text, e.Probe, e.Location)).ToArray(),
            Remediation = Remedy(context, first),
        };
    }
}
