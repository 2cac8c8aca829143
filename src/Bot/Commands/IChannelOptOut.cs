using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary>Channels that asked the bot not to answer overheard pasted lines (explicit commands still work).</summary>
public interface IChannelOptOut
{
    ValueTask<bool> IsOptedOutAsync(ChatConversation conversation, CancellationToken cancellationToken);

    ValueTask SetOptedOutAsync(ChatConversation conversation, bool optedOut, CancellationToken cancellationToken);
}
