namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>A <c>server {}</c> block: its names and listen directives.</summary>
public sealed record NginxServerBlock
{
    public required IReadOnlyList<string> ServerNames { get; init; }
    public required IReadOnlyList<string> Listens { get; init; }
    public required SourceLocation Location { get; init; }
}
