namespace Nginx502Bot.Bot.Chat;

/// <summary>One button: <paramref name="ActionId"/> from <see cref="ChatActionIds"/>, <paramref name="Value"/> routed back verbatim.</summary>
public sealed record ReplyButton(string ActionId, string Text, string Value);
