using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Storage;

/// <summary>The timeline_events row as Dapper reads it.</summary>
internal sealed class TimelineRow
{
    public const string Columns = """
        id AS Id, incident_id AS IncidentId, kind AS Kind, occurred_at AS OccurredAt, recorded_at AS RecordedAt,
        actor AS Actor, summary AS Summary, details::text AS Details, pinned AS Pinned, idempotency_key AS IdempotencyKey
        """;

    public long Id { get; set; }
    public Guid IncidentId { get; set; }
    public string Kind { get; set; } = "";
    public DateTime OccurredAt { get; set; }
    public DateTime RecordedAt { get; set; }
    public string Actor { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Details { get; set; } = "{}";
    public bool Pinned { get; set; }
    public string IdempotencyKey { get; set; } = "";

    public TimelineEvent ToModel() => new()
    {
        Id = Id, IncidentId = IncidentId, Kind = DbNames.ParseKind(Kind), OccurredAt = Utc.FromDb(OccurredAt),
        RecordedAt = Utc.FromDb(RecordedAt), Actor = Actor, Summary = Summary, DetailsJson = Details, Pinned = Pinned,
        IdempotencyKey = IdempotencyKey,
    };
}
