using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Configuration;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Incidents.Lifecycle;

/// <summary>
/// The incident lifecycle the bot calls: reports open, join or reopen incidents; chat commands, buttons and reactions
/// acknowledge, mitigate, resolve and add notes with their original time; diagnoses and probe results become events.
/// Every operation writes its events in the same unit as the incident change. When PostgreSQL is unreachable the
/// operation runs against the cache and the durable outbox instead (the result says <c>Deferred</c>).
/// </summary>
public sealed partial class IncidentService(
    IncidentStore store,
    EventFactory events,
    IOptions<IncidentsOptions> options,
    TimeProvider timeProvider)
{
    private IncidentsOptions Options => options.Value;

    /// <summary>Runs <paramref name="work"/> in a session and commits; retries once against the outbox if the database fails midway.</summary>
    private async Task<T> RunAsync<T>(bool reportLock, Func<IIncidentSession, Task<T>> work, CancellationToken cancellationToken)
    {
        var session = await store.BeginAsync(reportLock, cancellationToken);
        try
        {
            var result = await work(session);
            await session.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception ex) when (!session.Deferred && Transient.IsUnreachable(ex))
        {
            await session.DisposeAsync();
            session = store.BeginDeferred();
            return await work(session);
        }
        finally
        {
            await session.DisposeAsync();
        }
    }
}
