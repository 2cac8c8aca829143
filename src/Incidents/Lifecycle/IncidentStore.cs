using Microsoft.Extensions.Logging;
using Nginx502Bot.Incidents.Outbox;
using Nginx502Bot.Incidents.Storage;
using Npgsql;

namespace Nginx502Bot.Incidents.Lifecycle;

/// <summary>
/// Decides where a lifecycle operation runs. While the outbox holds entries, new writes queue behind them (order is
/// kept) until a flush empties it; a flush replays entries in order in one transaction and only then removes them.
/// </summary>
public sealed partial class IncidentStore(
    NpgsqlDataSource dataSource,
    IncidentRepository incidents,
    FileOutbox outbox,
    IncidentCache cache,
    ILogger<IncidentStore> logger) : IDisposable
{
    private readonly SemaphoreSlim flushGate = new(1, 1);

    public int PendingInOutbox => outbox.Count;

    /// <summary>
    /// A database session, or an outbox session when PostgreSQL is unreachable or the outbox is not empty.
    /// <paramref name="reportLock"/> serialises find-or-open across instances (report handling only).
    /// </summary>
    public async Task<IIncidentSession> BeginAsync(bool reportLock, CancellationToken cancellationToken)
    {
        if (outbox.Count > 0 && !await TryFlushAsync(cancellationToken))
        {
            return new OutboxSession(outbox, cache);
        }

        try
        {
            return await DatabaseSession.BeginAsync(dataSource, cache, reportLock, cancellationToken);
        }
        catch (Exception ex) when (Transient.IsUnreachable(ex))
        {
            LogUnreachable(logger, ex.GetType().Name);
            return new OutboxSession(outbox, cache);
        }
    }

    /// <summary>An outbox session regardless of the database: the fallback when a database session failed midway.</summary>
    public IIncidentSession BeginDeferred() => new OutboxSession(outbox, cache);

    /// <summary>Replays the outbox; true when it is empty afterwards.</summary>
    public async Task<bool> TryFlushAsync(CancellationToken cancellationToken)
    {
        await flushGate.WaitAsync(cancellationToken);
        try
        {
            var pending = outbox.Pending;
            if (pending.Count == 0)
            {
                return true;
            }

            await ReplayAsync(pending, cancellationToken);
            outbox.RemoveThrough(pending[^1].Sequence);
            LogFlushed(logger, pending.Count);
            return outbox.Count == 0;
        }
        catch (Exception ex) when (Transient.IsUnreachable(ex))
        {
            return false;
        }
        finally
        {
            flushGate.Release();
        }
    }

    public void Dispose() => flushGate.Dispose();

    /// <summary>
    /// Seeds the cache from the database (live incidents and those resolved since <paramref name="since"/>), then from
    /// the outbox, so a bot that loses PostgreSQL later can still join and reopen. Unreachable database: outbox only.
    /// </summary>
    public async Task WarmAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var incident in await incidents.ListRecentAsync(since, cancellationToken))
            {
                cache.Put(incident);
            }
        }
        catch (Exception ex) when (Transient.IsUnreachable(ex))
        {
            LogUnreachable(logger, ex.GetType().Name);
        }

        WarmFromOutbox();
    }

    /// <summary>Seeds the cache from the outbox (entries not yet in the database) so a restarted bot keeps its incidents.</summary>
    public void WarmFromOutbox()
    {
        foreach (var entry in outbox.Pending)
        {
            if (entry.Incident is not null)
            {
                cache.Put(entry.Incident);
            }
        }
    }

    private async Task ReplayAsync(IReadOnlyList<OutboxEntry> pending, CancellationToken cancellationToken)
    {
        // The replay may open incidents, so it takes the report lock like report handling does.
        await using var session = await DatabaseSession.BeginAsync(dataSource, cache, reportLock: true, cancellationToken);
        foreach (var entry in pending)
        {
            await session.SaveAsync(entry.Incident, entry.Events, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "PostgreSQL unreachable ({Reason}); writing to the local outbox")]
    private static partial void LogUnreachable(ILogger logger, string reason);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Flushed {Count} outbox entries to PostgreSQL")]
    private static partial void LogFlushed(ILogger logger, int count);
}
