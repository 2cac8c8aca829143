using Dapper;
using Nginx502Bot.Incidents.Model;
using Npgsql;

namespace Nginx502Bot.Incidents.Storage;

/// <summary>
/// Incidents over the one <see cref="NpgsqlDataSource"/>. Methods that take a connection run inside the caller's
/// transaction (the lifecycle's report handling); the others open their own.
/// </summary>
public sealed class IncidentRepository(NpgsqlDataSource dataSource)
{
    private const string Upsert = """
        INSERT INTO incidents (id, status, severity, title, hosts, virtual_hosts, upstreams, root_cause, first_502_at,
            last_502_at, count_502, detected_at, acknowledged_at, mitigated_at, resolved_at, reopened_count,
            postmortem_at, postmortem_reminded_at, channel, thread_ts, updated_at, version)
        VALUES (@Id, @Status, @Severity, @Title, @Hosts, @VirtualHosts, @Upstreams, @RootCause, @First502At,
            @Last502At, @Count502, @DetectedAt, @AcknowledgedAt, @MitigatedAt, @ResolvedAt, @ReopenedCount,
            @PostmortemAt, @PostmortemRemindedAt, @Channel, @ThreadTs, @UpdatedAt, @Version)
        ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, severity = EXCLUDED.severity, title = EXCLUDED.title,
            hosts = EXCLUDED.hosts, virtual_hosts = EXCLUDED.virtual_hosts, upstreams = EXCLUDED.upstreams,
            root_cause = EXCLUDED.root_cause, first_502_at = EXCLUDED.first_502_at, last_502_at = EXCLUDED.last_502_at,
            count_502 = EXCLUDED.count_502, acknowledged_at = EXCLUDED.acknowledged_at,
            mitigated_at = EXCLUDED.mitigated_at, resolved_at = EXCLUDED.resolved_at,
            reopened_count = EXCLUDED.reopened_count, postmortem_at = EXCLUDED.postmortem_at,
            postmortem_reminded_at = EXCLUDED.postmortem_reminded_at, channel = EXCLUDED.channel,
            thread_ts = EXCLUDED.thread_ts, updated_at = EXCLUDED.updated_at, version = EXCLUDED.version
        WHERE incidents.version < EXCLUDED.version
        """;

    private const string SelectNumber = "SELECT number FROM incidents WHERE id = @Id";

    private const string SelectLiveFor = $"""
        SELECT {IncidentRow.Columns} FROM incidents
        WHERE status <> 'resolved' AND (upstreams && @Upstreams OR virtual_hosts && @VirtualHosts) AND updated_at >= @Since
        ORDER BY updated_at DESC LIMIT 1 FOR UPDATE
        """;

    private const string SelectResolvedFor = $"""
        SELECT {IncidentRow.Columns} FROM incidents
        WHERE status = 'resolved' AND (upstreams && @Upstreams OR virtual_hosts && @VirtualHosts) AND resolved_at >= @Since
        ORDER BY resolved_at DESC LIMIT 1 FOR UPDATE
        """;

    private const string SelectRecent = $"""
        SELECT {IncidentRow.Columns} FROM incidents
        WHERE status <> 'resolved' OR resolved_at >= @Since ORDER BY updated_at DESC LIMIT 10000
        """;

    private const string SelectById = $"SELECT {IncidentRow.Columns} FROM incidents WHERE id = @Id";

    private const string SelectByIdForUpdate = $"SELECT {IncidentRow.Columns} FROM incidents WHERE id = @Id FOR UPDATE";

    private const string SelectByNumber = $"SELECT {IncidentRow.Columns} FROM incidents WHERE number = @Number";

    private const string SelectFiltered = $"""
        SELECT {IncidentRow.Columns} FROM incidents
        WHERE (@Status::text IS NULL OR status = @Status)
          AND (@RootCause::text IS NULL OR root_cause = @RootCause)
          AND (@Target::text IS NULL OR @Target = ANY(hosts) OR @Target = ANY(virtual_hosts) OR @Target = ANY(upstreams))
          AND (@From::timestamptz IS NULL OR detected_at >= @From)
          AND (@To::timestamptz IS NULL OR detected_at < @To)
        ORDER BY detected_at DESC LIMIT @Limit
        """;

    private const string SelectStale = $"""
        SELECT {IncidentRow.Columns} FROM incidents
        WHERE status <> 'resolved' AND updated_at < @Before ORDER BY updated_at LIMIT @Limit
        """;

    private const string SelectNeedingReminder = $"""
        SELECT {IncidentRow.Columns} FROM incidents
        WHERE status = 'resolved' AND postmortem_at IS NULL AND postmortem_reminded_at IS NULL AND resolved_at < @Before
        ORDER BY resolved_at LIMIT @Limit
        """;

    /// <summary>Inserts or updates the incident unless the stored row has the same or a higher version; returns its number.</summary>
    public static async Task<long> UpsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Incident incident, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(Upsert, IncidentRow.Parameters(incident), transaction, cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectNumber, new { incident.Id }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The most recently active live incident sharing an upstream or virtual host, locked for the transaction.</summary>
    public static async Task<Incident?> FindLiveForAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IncidentKeys keys, DateTimeOffset since, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(SelectLiveFor,
            new { keys.Upstreams, keys.VirtualHosts, Since = Utc.ToDb(since) }, transaction, cancellationToken: cancellationToken)))?.ToModel();

    /// <summary>The most recently resolved incident sharing an upstream or virtual host, resolved since <paramref name="since"/>.</summary>
    public static async Task<Incident?> FindResolvedForAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IncidentKeys keys, DateTimeOffset since, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(SelectResolvedFor,
            new { keys.Upstreams, keys.VirtualHosts, Since = Utc.ToDb(since) }, transaction, cancellationToken: cancellationToken)))?.ToModel();

    public static async Task<Incident?> GetAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(SelectById, new { Id = id }, transaction, cancellationToken: cancellationToken)))?.ToModel();

    /// <summary>The incident, row-locked until the caller's transaction ends (read-modify-write of one incident).</summary>
    public static async Task<Incident?> GetForUpdateAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid id, CancellationToken cancellationToken) =>
        (await connection.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(SelectByIdForUpdate, new { Id = id }, transaction, cancellationToken: cancellationToken)))?.ToModel();

    public async Task<Incident?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await GetAsync(connection, null, id, cancellationToken);
    }

    public async Task<Incident?> GetByNumberAsync(long number, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return (await connection.QuerySingleOrDefaultAsync<IncidentRow>(new CommandDefinition(SelectByNumber, new { Number = number }, cancellationToken: cancellationToken)))?.ToModel();
    }

    public async Task<IReadOnlyList<Incident>> ListAsync(IncidentFilter filter, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(SelectFiltered, new
        {
            filter.Status, filter.RootCause, filter.Target, From = Utc.ToDb(filter.From), To = Utc.ToDb(filter.To),
            Limit = Math.Clamp(filter.Limit, 1, 1000),
        }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToModel())];
    }

    /// <summary>Live incidents and those resolved since <paramref name="since"/>: what the cache needs to join or reopen offline.</summary>
    public async Task<IReadOnlyList<Incident>> ListRecentAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(SelectRecent, new { Since = Utc.ToDb(since) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToModel())];
    }

    /// <summary>Live incidents with no change since <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<Incident>> ListStaleAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        await ListAsync(SelectStale, before, limit, cancellationToken);

    /// <summary>Resolved before <paramref name="before"/>, no post-mortem and no reminder yet.</summary>
    public async Task<IReadOnlyList<Incident>> ListNeedingReminderAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken) =>
        await ListAsync(SelectNeedingReminder, before, limit, cancellationToken);

    private async Task<IReadOnlyList<Incident>> ListAsync(string sql, DateTimeOffset before, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<IncidentRow>(new CommandDefinition(sql, new { Before = Utc.ToDb(before), Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToModel())];
    }
}
