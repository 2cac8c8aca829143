// Namespace is not "Console": that would shadow System.Console for every Nginx502Bot.Bot.* file.
namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>One message in the console transcript, already rendered.</summary>
public sealed record ConsoleMessage(string Id, string? ThreadId, string Html, string Text, bool Private);
