namespace Nginx502Bot.Bot.Chat;

/// <summary>A place messages are exchanged: a Slack channel or DM, a Teams conversation, the local console.</summary>
/// <param name="Channel">Which chat channel carries it ("slack", "teams", "console").</param>
/// <param name="Id">The channel's own conversation id (Slack <c>C0123</c>).</param>
public sealed record ChatConversation(string Channel, string Id);
