namespace Nginx502Bot.Bot.Chat;

/// <summary>The person who asked; <paramref name="Name"/> is for display only and may be absent.</summary>
public sealed record ChatUser(string Id, string? Name = null);
