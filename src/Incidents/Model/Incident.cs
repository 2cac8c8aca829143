namespace Nginx502Bot.Incidents.Model;

/// <summary>
/// One 502 incident. Times are UTC. <see cref="First502At"/>/<see cref="Last502At"/> come from the log timestamps;
/// <see cref="DetectedAt"/> is when the first report reached the bot. <see cref="Number"/> is assigned by the database
/// and is 0 until the row is stored (an incident opened while PostgreSQL was unreachable).
/// </summary>
public sealed record Incident
{
    public required Guid Id { get; init; }
    public long Number { get; init; }
    public required IncidentStatus Status { get; init; }
    public Severity Severity { get; init; } = Severity.Sev3;
    public required string Title { get; init; }
    public IReadOnlyList<string> Hosts { get; init; } = [];
    public IReadOnlyList<string> VirtualHosts { get; init; } = [];
    public IReadOnlyList<string> Upstreams { get; init; } = [];

    /// <summary>Root-cause id from causes.md (section 2), or the line-level id when nothing refined it.</summary>
    public string? RootCause { get; init; }

    public DateTimeOffset? First502At { get; init; }
    public DateTimeOffset? Last502At { get; init; }
    public long Count502 { get; init; }
    public required DateTimeOffset DetectedAt { get; init; }
    public DateTimeOffset? AcknowledgedAt { get; init; }
    public DateTimeOffset? MitigatedAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public int ReopenedCount { get; init; }
    public DateTimeOffset? PostmortemAt { get; init; }
    public DateTimeOffset? PostmortemRemindedAt { get; init; }
    public string? Channel { get; init; }
    public string? ThreadTs { get; init; }

    /// <summary>Last activity (joins within the window, stale sweep).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Incremented by every change; an outbox replay never lets a lower version overwrite a higher one.</summary>
    public long Version { get; init; } = 1;

    /// <summary>The number people type, or the start of the id while the incident exists only in the outbox.</summary>
    public string DisplayId => Number > 0 ? Number.ToString() : Id.ToString("N")[..8];

    public bool IsLive => Status != IncidentStatus.Resolved;
}
