namespace Nginx502Bot.Bot.Chat;

/// <summary>
/// Someone marked a chat message for the incident timeline: an emoji reaction (Slack <c>reaction_added</c> with the
/// configured emoji) or a message action ("Add to incident timeline").
/// </summary>
/// <param name="Thread">The conversation and thread the marked message sits in.</param>
/// <param name="MessageId">The marked message's id (Slack <c>ts</c>).</param>
/// <param name="User">Who reacted or ran the action.</param>
/// <param name="Text">The marked message's text when the payload carries it (message actions do, reactions do not).</param>
/// <param name="At">When the reaction or action happened, the time the timeline records.</param>
/// <param name="DeliveryKey">The delivery id, so a redelivery adds no second note.</param>
public sealed record ChatReaction(ChatThread Thread, string MessageId, ChatUser User, string? Text, DateTimeOffset At, string DeliveryKey);
