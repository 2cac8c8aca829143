namespace Nginx502Bot.Bot.Chat;

/// <summary>A button press on one of the bot's answers.</summary>
/// <param name="ActionId">Which button (<see cref="ChatActionIds"/>).</param>
/// <param name="Value">The button's value, set by the handler that built the answer.</param>
/// <param name="User">Who pressed it.</param>
/// <param name="Message">The answer the button sits on, so the handler can edit it or reply in its thread.</param>
/// <param name="At">When the button was pressed (Slack <c>action_ts</c>); null when unknown.</param>
/// <param name="DeliveryKey">The delivery id of the press, so a redelivered press adds no second timeline event.</param>
public sealed record ChatAction(string ActionId, string Value, ChatUser User, ChatMessageRef Message, DateTimeOffset? At = null, string? DeliveryKey = null);
