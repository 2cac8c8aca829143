namespace Nginx502Bot.Bot.Chat;

/// <summary>Prose with light markup: <c>*bold*</c> and <c>`code`</c> only, which every channel can render.</summary>
public sealed record ReplyParagraph(string Text) : ReplyPart;
