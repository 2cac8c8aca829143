namespace Nginx502Bot.Bot.Chat;

/// <summary>A long text sent as a file (full evidence); channels without files show it folded.</summary>
public sealed record ReplyAttachment(string FileName, string Title, string Content) : ReplyPart;
