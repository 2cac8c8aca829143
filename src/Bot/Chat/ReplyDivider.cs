namespace Nginx502Bot.Bot.Chat;

/// <summary>A visual break between sections (one per host in a fan-out answer).</summary>
public sealed record ReplyDivider : ReplyPart;
