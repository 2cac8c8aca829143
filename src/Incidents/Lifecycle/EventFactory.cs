using System.Text.Json;
using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Lifecycle;

/// <summary>Builds timeline events stamped with the recording time from the injected clock.</summary>
public sealed class EventFactory(TimeProvider timeProvider)
{
    public TimelineEvent Create(Guid incidentId, TimelineEventKind kind, DateTimeOffset occurredAt, string actor,
        string summary, string idempotencyKey, object? details = null, bool pinned = false) => new()
    {
        IncidentId = incidentId,
        Kind = kind,
        OccurredAt = occurredAt,
        RecordedAt = timeProvider.GetUtcNow(),
        Actor = actor,
        Summary = summary,
        DetailsJson = details switch
        {
            null => "{}",
            string json => json,
            _ => JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        },
        Pinned = pinned,
        IdempotencyKey = idempotencyKey,
    };

    public TimelineEvent StatusChange(Incident incident, IncidentStatus from, IncidentStatus to, DateTimeOffset at,
        string actor, string reason, string idempotencyKey) =>
        Create(incident.Id, TimelineEventKind.StatusChange, at, actor, $"{DbNames.Of(from)} → {DbNames.Of(to)}: {reason}",
            idempotencyKey, new { from = DbNames.Of(from), to = DbNames.Of(to), reason });
}
