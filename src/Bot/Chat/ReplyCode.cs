namespace Nginx502Bot.Bot.Chat;

/// <summary>Preformatted lines: log records, commands to paste. Renderers fold what does not fit into an attachment.</summary>
public sealed record ReplyCode(string? Caption, IReadOnlyList<string> Lines) : ReplyPart;
