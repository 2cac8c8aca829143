using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary>Everything a handler needs: the message and the channel's replier.</summary>
public sealed record CommandContext(ChatMessage Message, IChatReplier Replier)
{
    public ChatThread Thread => Message.Thread;
}
