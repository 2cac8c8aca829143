namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>An <c>upstream NAME {}</c> block with its members and connection cache.</summary>
public sealed record UpstreamBlock
{
    public required string Name { get; init; }
    public required SourceLocation Location { get; init; }
    public IReadOnlyList<UpstreamMember> Members { get; init; } = [];

    /// <summary>The <c>keepalive N</c> directive, when present.</summary>
    public DirectiveValue? Keepalive { get; init; }
}
