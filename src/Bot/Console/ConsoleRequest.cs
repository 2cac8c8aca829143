// Namespace is not "Console": that would shadow System.Console for every Nginx502Bot.Bot.* file.
namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>What the console page sends: a <c>/502 …</c> line or pasted lines, or a button press.</summary>
public sealed record ConsoleRequest(string? Text, string? MessageId, string? ActionId, string? Value);
