namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>
/// A backend, kernel or audit log line that is evidence: an OOM kill, a segfault, a pool at pm.max_children,
/// a worker timeout, an AVC denial. <see cref="Cause"/> is a line-level id from <c>Vocabulary.Causes</c>.
/// </summary>
public sealed record HostEvent
{
    public required string Cause { get; init; }
    public DateTime? Time { get; init; }

    /// <summary>The process, pool or command the line names.</summary>
    public string? Subject { get; init; }
    public required string Text { get; init; }
    public required string Probe { get; init; }
    public SourceLocation? Location { get; init; }
}
