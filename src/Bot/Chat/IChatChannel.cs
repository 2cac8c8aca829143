namespace Nginx502Bot.Bot.Chat;

/// <summary>
/// A chat channel the bot is reachable on (Slack, Teams, the local console), for messages nobody asked for
/// (incident reminders, scheduled summaries): pick the channel whose <see cref="Name"/> equals
/// <see cref="ChatConversation.Channel"/> and post through its <see cref="Replier"/>. Replies to a request use the
/// replier that came with the request instead (it may carry a Slack <c>response_url</c>).
/// </summary>
public interface IChatChannel
{
    /// <summary>The id used in <see cref="ChatConversation.Channel"/>.</summary>
    string Name { get; }

    /// <summary>A replier for proactive messages on this channel.</summary>
    IChatReplier Replier { get; }
}
