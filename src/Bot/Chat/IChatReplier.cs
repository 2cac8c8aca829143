namespace Nginx502Bot.Bot.Chat;

/// <summary>
/// How handlers answer, whatever the channel. Every channel implements it; handlers never see a wire format.
/// </summary>
public interface IChatReplier
{
    /// <summary>Posts a visible message into the thread (or the conversation when the thread id is null).</summary>
    Task<ChatMessageRef> PostAsync(ChatThread thread, ChatReply reply, CancellationToken cancellationToken);

    /// <summary>Replaces a message the bot posted earlier (the fan-out summary edited as hosts answer).</summary>
    Task UpdateAsync(ChatMessageRef message, ChatReply reply, CancellationToken cancellationToken);

    /// <summary>Shows a message to one user only; channels without that notion post it normally.</summary>
    Task PostPrivateAsync(ChatThread thread, ChatUser user, ChatReply reply, CancellationToken cancellationToken);
}
