using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Outbox;

/// <summary>
/// One unit of work kept while PostgreSQL is unreachable: an incident snapshot (optional) and the events written with
/// it. Replayed in <see cref="Sequence"/> order; both halves are idempotent (snapshot upsert guarded by updated_at,
/// events by idempotency key), so replaying an entry twice changes nothing.
/// </summary>
public sealed record OutboxEntry
{
    public required long Sequence { get; init; }
    public Incident? Incident { get; init; }
    public IReadOnlyList<TimelineEvent> Events { get; init; } = [];
}
