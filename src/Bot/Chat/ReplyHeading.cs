namespace Nginx502Bot.Bot.Chat;

/// <summary>A title line.</summary>
public sealed record ReplyHeading(string Text) : ReplyPart;
