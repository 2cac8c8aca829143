using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Incidents.Lifecycle;

/// <summary>
/// One lifecycle operation's view of the incidents: a database transaction holding the lifecycle lock, or, while
/// PostgreSQL is unreachable, the local cache plus the outbox (<see cref="Deferred"/>).
/// </summary>
public interface IIncidentSession : IAsyncDisposable
{
    bool Deferred { get; }

    Task<Incident?> FindLiveForAsync(IncidentKeys keys, DateTimeOffset since, CancellationToken cancellationToken);

    Task<Incident?> FindResolvedForAsync(IncidentKeys keys, DateTimeOffset since, CancellationToken cancellationToken);

    Task<Incident?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>The incident an event with this idempotency key was already stored on; null when none (or unknown).</summary>
    Task<Guid?> FindIncidentOfEventAsync(string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Stores the snapshot (if any) and the events; returns the snapshot with its number when known.</summary>
    Task<Incident?> SaveAsync(Incident? incident, IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
