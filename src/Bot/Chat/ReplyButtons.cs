namespace Nginx502Bot.Bot.Chat;

/// <summary>Buttons; the channel routes presses back as a <see cref="ChatAction"/>.</summary>
public sealed record ReplyButtons(IReadOnlyList<ReplyButton> Buttons) : ReplyPart;
