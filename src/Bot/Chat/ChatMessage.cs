namespace Nginx502Bot.Bot.Chat;

/// <summary>An incoming message or command text, channel-neutral.</summary>
/// <param name="Thread">Where to answer: for a channel message, the message's own thread.</param>
/// <param name="User">Who wrote it.</param>
/// <param name="Text">The text, with the channel's markup already unescaped.</param>
/// <param name="IsCommand">True for an explicit <c>/502</c> command, false for chatter the bot only overheard.</param>
/// <param name="DeliveryKey">The inbound delivery id (Slack event_id, envelope id), carried to the incident timeline.</param>
/// <param name="SentAt">The message's own time (Slack <c>ts</c>), so timelines keep the original order; null when unknown.</param>
public sealed record ChatMessage(ChatThread Thread, ChatUser User, string Text, bool IsCommand, string? DeliveryKey = null, DateTimeOffset? SentAt = null);
