using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary>
/// The three buttons under an answer. <paramref name="RerunValue"/> is what Re-run replays (the command text or a
/// <see cref="RerunMemory"/> reference); <paramref name="IncidentId"/> is empty when incidents are off.
/// </summary>
public sealed record AnswerButtons(string RerunValue, string? IncidentId)
{
    public ReplyButtons ToPart() => new(
    [
        new ReplyButton(ChatActionIds.Rerun, "Re-run", RerunValue),
        new ReplyButton(ChatActionIds.Resolve, "Mark resolved", IncidentId ?? ""),
        new ReplyButton(ChatActionIds.Timeline, "Show timeline", IncidentId ?? ""),
    ]);
}
