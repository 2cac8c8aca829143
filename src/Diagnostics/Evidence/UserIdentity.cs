namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>A user as /etc/passwd and /etc/group describe it: the worker user nginx runs as.</summary>
public sealed record UserIdentity
{
    public required string Name { get; init; }
    public int? Uid { get; init; }
    public int? Gid { get; init; }

    /// <summary>Primary group name and every supplementary group.</summary>
    public IReadOnlyList<string> Groups { get; init; } = [];
    public IReadOnlyList<int> GroupIds { get; init; } = [];
}
