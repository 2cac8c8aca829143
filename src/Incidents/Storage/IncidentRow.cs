using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Storage;

/// <summary>The incidents row as Dapper reads it; <see cref="Columns"/> aliases snake_case to these names.</summary>
internal sealed class IncidentRow
{
    public const string Columns = """
        id AS Id, number AS Number, status AS Status, severity AS Severity, title AS Title, hosts AS Hosts,
        virtual_hosts AS VirtualHosts, upstreams AS Upstreams, root_cause AS RootCause, first_502_at AS First502At,
        last_502_at AS Last502At, count_502 AS Count502, detected_at AS DetectedAt, acknowledged_at AS AcknowledgedAt,
        mitigated_at AS MitigatedAt, resolved_at AS ResolvedAt, reopened_count AS ReopenedCount,
        postmortem_at AS PostmortemAt, postmortem_reminded_at AS PostmortemRemindedAt, channel AS Channel,
        thread_ts AS ThreadTs, updated_at AS UpdatedAt, version AS Version
        """;

    public Guid Id { get; set; }
    public long Number { get; set; }
    public string Status { get; set; } = "";
    public string Severity { get; set; } = "";
    public string Title { get; set; } = "";
    public string[] Hosts { get; set; } = [];
    public string[] VirtualHosts { get; set; } = [];
    public string[] Upstreams { get; set; } = [];
    public string? RootCause { get; set; }
    public DateTime? First502At { get; set; }
    public DateTime? Last502At { get; set; }
    public long Count502 { get; set; }
    public DateTime DetectedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public DateTime? MitigatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public int ReopenedCount { get; set; }
    public DateTime? PostmortemAt { get; set; }
    public DateTime? PostmortemRemindedAt { get; set; }
    public string? Channel { get; set; }
    public string? ThreadTs { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }

    public Incident ToModel() => new()
    {
        Id = Id, Number = Number, Status = DbNames.ParseStatus(Status), Severity = DbNames.ParseSeverity(Severity),
        Title = Title, Hosts = Hosts, VirtualHosts = VirtualHosts, Upstreams = Upstreams, RootCause = RootCause,
        First502At = Utc.FromDb(First502At), Last502At = Utc.FromDb(Last502At), Count502 = Count502,
        DetectedAt = Utc.FromDb(DetectedAt), AcknowledgedAt = Utc.FromDb(AcknowledgedAt),
        MitigatedAt = Utc.FromDb(MitigatedAt), ResolvedAt = Utc.FromDb(ResolvedAt), ReopenedCount = ReopenedCount,
        PostmortemAt = Utc.FromDb(PostmortemAt), PostmortemRemindedAt = Utc.FromDb(PostmortemRemindedAt),
        Channel = Channel, ThreadTs = ThreadTs, UpdatedAt = Utc.FromDb(UpdatedAt), Version = Version,
    };

    /// <summary>Parameters for the upsert: every column, times as UTC DateTime, lists as arrays.</summary>
    public static object Parameters(Incident i) => new
    {
        i.Id, Status = DbNames.Of(i.Status), Severity = DbNames.Of(i.Severity), i.Title, Hosts = i.Hosts.ToArray(),
        VirtualHosts = i.VirtualHosts.ToArray(), Upstreams = i.Upstreams.ToArray(), i.RootCause,
        First502At = Utc.ToDb(i.First502At), Last502At = Utc.ToDb(i.Last502At), i.Count502,
        DetectedAt = Utc.ToDb(i.DetectedAt), AcknowledgedAt = Utc.ToDb(i.AcknowledgedAt),
        MitigatedAt = Utc.ToDb(i.MitigatedAt), ResolvedAt = Utc.ToDb(i.ResolvedAt), i.ReopenedCount,
        PostmortemAt = Utc.ToDb(i.PostmortemAt), PostmortemRemindedAt = Utc.ToDb(i.PostmortemRemindedAt),
        i.Channel, i.ThreadTs, UpdatedAt = Utc.ToDb(i.UpdatedAt), i.Version,
    };
}
