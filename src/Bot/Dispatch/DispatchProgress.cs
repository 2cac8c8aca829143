namespace Nginx502Bot.Bot.Dispatch;

/// <summary>Snapshot of a fan-out, reported on every host completion and once at the end.</summary>
public sealed record DispatchProgress(IReadOnlyList<HostOutcome> Hosts, bool Complete)
{
    public int Answered => Hosts.Count(h => h.Kind == HostOutcomeKind.Answered);
    public int Finished => Hosts.Count(h => h.Kind != HostOutcomeKind.Pending);
    public bool IsPartial => Complete && Answered < Hosts.Count;
}
