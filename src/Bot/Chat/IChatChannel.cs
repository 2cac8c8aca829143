namespace Nginx502Bot.Bot.Chat;

/// <summary>A chat channel the bot is reachable on (Slack, Teams, the local console).</summary>
public interface IChatChannel
{
    /// <summary>The id used in <see cref="ChatConversation.Channel"/>.</summary>
    string Name { get; }

    /// <summary>The replier handlers use to answer on this channel.</summary>
    IChatReplier Replier { get; }
}
