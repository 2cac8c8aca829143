namespace Nginx502Bot.Bot.Chat;

/// <summary>Label/value pairs shown side by side (status, since, confidence).</summary>
public sealed record ReplyFields(IReadOnlyList<KeyValuePair<string, string>> Fields) : ReplyPart;
