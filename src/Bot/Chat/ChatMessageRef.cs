namespace Nginx502Bot.Bot.Chat;

/// <summary>
/// A message the bot posted, so it can be edited in place. <paramref name="Id"/> is the channel's message id
/// (Slack's <c>ts</c>); <paramref name="Handle"/> carries anything else an edit needs (a Slack <c>response_url</c>).
/// </summary>
public sealed record ChatMessageRef(ChatThread Thread, string Id, string? Handle = null);
