using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Slack;

/// <summary>Slack as an <see cref="IChatChannel"/>: proactive posts go through chat.postMessage.</summary>
public sealed class SlackChatChannel(SlackReplierFactory repliers) : IChatChannel
{
    public string Name => SlackInboundHandler.Channel;

    public IChatReplier Replier { get; } = repliers.Create(null);
}
