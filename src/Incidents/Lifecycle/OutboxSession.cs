using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Outbox;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Incidents.Lifecycle;

/// <summary>A lifecycle operation while PostgreSQL is unreachable: reads the cache, writes the durable outbox.</summary>
internal sealed class OutboxSession(FileOutbox outbox, IncidentCache cache) : IIncidentSession
{
    public bool Deferred => true;

    public Task<Incident?> FindLiveForAsync(IncidentKeys keys, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(cache.FindLive(keys, since));

    public Task<Incident?> FindResolvedForAsync(IncidentKeys keys, DateTimeOffset since, CancellationToken cancellationToken) =>
        Task.FromResult(cache.FindResolved(keys, since));

    public Task<Incident?> GetAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult(cache.Get(id));

    // The outbox is append-only and replayed with ON CONFLICT DO NOTHING; while the database is down only the
    // chat delivery claim guards against a redelivered report.
    public Task<Guid?> FindIncidentOfEventAsync(string idempotencyKey, CancellationToken cancellationToken) => Task.FromResult<Guid?>(null);

    public Task<Incident?> SaveAsync(Incident? incident, IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken)
    {
        // Durable before it returns: the caller may tell the user it was recorded.
        outbox.Append(sequence => new OutboxEntry { Sequence = sequence, Incident = incident, Events = events });
        if (incident is not null)
        {
            cache.Put(incident);
        }

        return Task.FromResult(incident);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
