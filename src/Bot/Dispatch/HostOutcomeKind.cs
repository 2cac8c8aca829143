namespace Nginx502Bot.Bot.Dispatch;

/// <summary>How one host's call ended.</summary>
public enum HostOutcomeKind
{
    Pending,
    Answered,
    TimedOut,
    Failed,
}
