namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>What the console page sends: a <c>/502 …</c> line or pasted lines, or a button press.</summary>
public sealed record ConsoleRequest(string? Text, string? MessageId, string? ActionId, string? Value);
