namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>A <c>server</c> line of an <c>upstream {}</c> block.</summary>
public sealed record UpstreamMember
{
    public required string Address { get; init; }
    public int? MaxFails { get; init; }
    public string? FailTimeout { get; init; }
    public bool Backup { get; init; }
    public bool Down { get; init; }
    public required SourceLocation Location { get; init; }
}
