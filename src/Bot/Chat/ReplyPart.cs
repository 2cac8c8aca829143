namespace Nginx502Bot.Bot.Chat;

/// <summary>One part of a <see cref="ChatReply"/>; the records deriving from it are the whole vocabulary.</summary>
public abstract record ReplyPart;
