namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>One message in the console transcript, already rendered.</summary>
public sealed record ConsoleMessage(string Id, string? ThreadId, string Html, string Text, bool Private);
