using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Lifecycle;

public sealed partial class IncidentService
{
    /// <summary>
    /// Records who took the incident and when (the chat message or button time). An acknowledgement delivered late
    /// with an earlier original time than the one implied by a mitigate/resolve still wins; later ones are no-ops.
    /// </summary>
    public Task<Incident> AcknowledgeAsync(Guid id, string actor, DateTimeOffset at, string key, CancellationToken cancellationToken) =>
        ChangeAsync(id, incident => incident.AcknowledgedAt <= at
            ? (incident, [])
            : (incident with { AcknowledgedAt = at, UpdatedAt = timeProvider.GetUtcNow() },
               [events.Create(id, TimelineEventKind.ActionTaken, at, actor, $"Acknowledged by {actor}", $"{key}:ack")]), cancellationToken);

    public Task<Incident> MitigateAsync(Guid id, string actor, DateTimeOffset at, string reason, string key, CancellationToken cancellationToken) =>
        MoveAsync(id, IncidentStatus.Mitigated, actor, at, reason, key, cancellationToken);

    /// <summary><c>/502 resolve</c>: resolved at the message's original time.</summary>
    public Task<Incident> ResolveAsync(Guid id, string actor, DateTimeOffset at, string reason, string key, CancellationToken cancellationToken) =>
        MoveAsync(id, IncidentStatus.Resolved, actor, at, reason, key, cancellationToken);

    /// <summary><c>/502 note</c>, a message action or an emoji reaction: the chat message with its original time.</summary>
    public Task<Incident> AddNoteAsync(Guid id, string actor, string text, DateTimeOffset at, string key, bool pinned, CancellationToken cancellationToken) =>
        RecordAsync(id, TimelineEventKind.Note, actor, text, at, key, null, pinned, cancellationToken);

    /// <summary>A diagnosis, probe result, suggested remediation or button press (action taken) as a timeline event.</summary>
    public Task<Incident> RecordAsync(Guid id, TimelineEventKind kind, string actor, string summary, DateTimeOffset at,
        string key, string? detailsJson, bool pinned, CancellationToken cancellationToken) =>
        ChangeAsync(id, incident =>
            (incident with { UpdatedAt = timeProvider.GetUtcNow() },
             [events.Create(id, kind, at, actor, summary, key, detailsJson, pinned)]), cancellationToken);

    /// <summary>Marks the post-mortem as written (stops reminders).</summary>
    public Task<Incident> MarkPostmortemAsync(Guid id, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(id, incident => incident.PostmortemAt is not null
            ? (incident, [])
            : (incident with { PostmortemAt = at, UpdatedAt = timeProvider.GetUtcNow() },
               [events.Create(id, TimelineEventKind.ActionTaken, at, actor, "Post-mortem published", $"postmortem:{id}")]), cancellationToken);

    public Task<Incident> MarkRemindedAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken) =>
        ChangeAsync(id, incident => (incident with { PostmortemRemindedAt = at, UpdatedAt = timeProvider.GetUtcNow() }, []), cancellationToken);

    private Task<Incident> MoveAsync(Guid id, IncidentStatus to, string actor, DateTimeOffset at, string reason, string key, CancellationToken cancellationToken) =>
        ChangeAsync(id, incident =>
        {
            if (incident.Status == to)
            {
                return (incident, []);
            }

            var moved = incident with
            {
                Status = to,
                MitigatedAt = to == IncidentStatus.Mitigated ? at : incident.MitigatedAt,
                ResolvedAt = to == IncidentStatus.Resolved ? at : null,
                AcknowledgedAt = incident.AcknowledgedAt ?? at,
                UpdatedAt = timeProvider.GetUtcNow(),
            };
            return (moved, [events.StatusChange(moved, incident.Status, to, at, actor, reason, $"{key}:status")]);
        }, cancellationToken);

    private Task<Incident> ChangeAsync(Guid id, Func<Incident, (Incident, List<TimelineEvent>)> change, CancellationToken cancellationToken) =>
        RunAsync(reportLock: false, async session =>
        {
            var current = await session.GetAsync(id, cancellationToken) ?? throw new IncidentNotFoundException(id);
            var (next, newEvents) = change(current);
            if (ReferenceEquals(next, current) && newEvents.Count == 0)
            {
                return current;
            }

            next = next with { Version = current.Version + 1 };
            return await session.SaveAsync(next, newEvents, cancellationToken) ?? next;
        }, cancellationToken);
}
