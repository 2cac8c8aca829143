using Dapper;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Storage;
using Npgsql;

namespace Nginx502Bot.Incidents.Lifecycle;

/// <summary>
/// A lifecycle operation in one transaction. Report handling takes a transaction-level advisory lock that serialises
/// find-or-open across bot instances, so two reports for the same upstream arriving at two replicas cannot both open
/// an incident; changes to one known incident only lock its row (<see cref="GetAsync"/> reads FOR UPDATE).
/// </summary>
internal sealed class DatabaseSession(NpgsqlConnection connection, NpgsqlTransaction transaction, IncidentCache cache) : IIncidentSession
{
    private const string Lock = "SELECT pg_advisory_xact_lock(@Key)";

    /// <summary>Arbitrary constant shared by every instance ("n502life" in ASCII).</summary>
    private const long LockKey = 0x6e35_3032_6c69_6665;

    private readonly List<Incident> saved = [];

    public bool Deferred => false;

    public static async Task<DatabaseSession> BeginAsync(NpgsqlDataSource dataSource, IncidentCache cache, bool reportLock, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (reportLock)
            {
                await connection.ExecuteAsync(new CommandDefinition(Lock, new { Key = LockKey }, transaction, cancellationToken: cancellationToken));
            }

            return new DatabaseSession(connection, transaction, cache);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<Incident?> FindLiveForAsync(IncidentKeys keys, DateTimeOffset since, CancellationToken cancellationToken) =>
        IncidentRepository.FindLiveForAsync(connection, transaction, keys, since, cancellationToken);

    public Task<Incident?> FindResolvedForAsync(IncidentKeys keys, DateTimeOffset since, CancellationToken cancellationToken) =>
        IncidentRepository.FindResolvedForAsync(connection, transaction, keys, since, cancellationToken);

    public Task<Incident?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        IncidentRepository.GetForUpdateAsync(connection, transaction, id, cancellationToken);

    public Task<Guid?> FindIncidentOfEventAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        TimelineRepository.FindIncidentOfKeyAsync(connection, transaction, idempotencyKey, cancellationToken);

    public async Task<Incident?> SaveAsync(Incident? incident, IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken)
    {
        if (incident is not null)
        {
            var number = await IncidentRepository.UpsertAsync(connection, transaction, incident, cancellationToken);
            incident = incident with { Number = number };
            saved.Add(incident);
        }

        await TimelineRepository.AppendAsync(connection, transaction, events, cancellationToken);
        return incident;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        saved.ForEach(cache.Put);
    }

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
