namespace Nginx502Bot.Agent.Host;

/// <summary>The end of a file as whole lines; <see cref="Truncated"/> when the file was longer than the cap.</summary>
public sealed record TailResult(string Text, bool Truncated);
