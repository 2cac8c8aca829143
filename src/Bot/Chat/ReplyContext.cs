namespace Nginx502Bot.Bot.Chat;

/// <summary>Small print under an answer (sources, partial-result notes).</summary>
public sealed record ReplyContext(string Text) : ReplyPart;
