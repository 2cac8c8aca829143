namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// Where to reach a Teams conversation: the <paramref name="ServiceUrl"/> its activities came from and whether it is
/// a team channel (whose threads are addressed as <c>{channel};messageid={root}</c>) rather than a personal or group chat.
/// </summary>
public sealed record TeamsConversation(string ServiceUrl, bool IsChannel)
{
    private const string MessageIdMarker = ";messageid=";

    /// <summary>Splits a channel conversation id into the channel and the thread root (Teams appends <c>;messageid=</c>).</summary>
    public static (string Channel, string? ThreadRoot) Split(string conversationId)
    {
        var at = conversationId.IndexOf(MessageIdMarker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? (conversationId, null) : (conversationId[..at], conversationId[(at + MessageIdMarker.Length)..]);
    }

    /// <summary>The conversation id a post or update goes to: inside a channel thread when there is one.</summary>
    public string PathId(string conversationId, string? threadRoot) =>
        IsChannel && threadRoot is not null ? conversationId + MessageIdMarker + threadRoot : conversationId;
}
