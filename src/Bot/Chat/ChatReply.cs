namespace Nginx502Bot.Bot.Chat;

/// <summary>
/// A channel-neutral answer: a fallback text for notifications and plain clients, and ordered parts each renderer
/// maps to its own format (Block Kit, Adaptive Cards, HTML). Renderers enforce their channel's size limits.
/// </summary>
public sealed record ChatReply(string Text, IReadOnlyList<ReplyPart> Parts)
{
    public static ChatReply Plain(string text) => new(text, [new ReplyParagraph(text)]);
}
