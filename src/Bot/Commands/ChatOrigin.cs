using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary>
/// Who asked for an incident change, where and when: the timeline records the chat message's own time
/// (<paramref name="At"/>, null when the channel does not say) and uses <paramref name="DeliveryKey"/> as the
/// idempotency key, so a redelivered command changes nothing twice.
/// </summary>
public sealed record ChatOrigin(ChatThread Thread, ChatUser User, DateTimeOffset? At, string? DeliveryKey);
