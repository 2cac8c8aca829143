using Dapper;
using Nginx502Bot.Incidents.Model;
using Npgsql;

namespace Nginx502Bot.Incidents.Storage;

/// <summary>
/// Timeline events. Appends are one multi-row INSERT over unnest'ed arrays (thousands of events per round trip) with
/// ON CONFLICT DO NOTHING on the idempotency key, so a retried delivery or an outbox replay stores nothing twice.
/// </summary>
public sealed class TimelineRepository(NpgsqlDataSource dataSource)
{
    private const string Append = """
        INSERT INTO timeline_events (incident_id, kind, occurred_at, recorded_at, actor, summary, details, pinned, idempotency_key)
        SELECT incident_id, kind, occurred_at, recorded_at, actor, summary, details::jsonb, pinned, idempotency_key
        FROM unnest(@IncidentIds, @Kinds, @OccurredAt, @RecordedAt, @Actors, @Summaries, @Details, @Pinned, @Keys)
            WITH ORDINALITY AS e(incident_id, kind, occurred_at, recorded_at, actor, summary, details, pinned, idempotency_key, ord)
        ORDER BY ord
        ON CONFLICT (idempotency_key) DO NOTHING
        """;

    private const string SelectForIncident = $"""
        SELECT {TimelineRow.Columns} FROM timeline_events WHERE incident_id = @IncidentId
        ORDER BY occurred_at, id LIMIT @Limit
        """;

    private const string SelectIncidentOfKey = "SELECT incident_id FROM timeline_events WHERE idempotency_key = @Key";

    private const string SetPinned = "UPDATE timeline_events SET pinned = @Pinned WHERE id = @Id";

    /// <summary>Appends in list order; returns how many were new (duplicates by idempotency key are skipped).</summary>
    public static async Task<int> AppendAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0)
        {
            return 0;
        }

        var parameters = new
        {
            IncidentIds = events.Select(e => e.IncidentId).ToArray(),
            Kinds = events.Select(e => DbNames.Of(e.Kind)).ToArray(),
            OccurredAt = events.Select(e => Utc.ToDb(e.OccurredAt)).ToArray(),
            RecordedAt = events.Select(e => Utc.ToDb(e.RecordedAt)).ToArray(),
            Actors = events.Select(e => e.Actor).ToArray(),
            Summaries = events.Select(e => e.Summary).ToArray(),
            Details = events.Select(e => e.DetailsJson).ToArray(),
            Pinned = events.Select(e => e.Pinned).ToArray(),
            Keys = events.Select(e => e.IdempotencyKey).ToArray(),
        };
        return await connection.ExecuteAsync(new CommandDefinition(Append, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The incident an event with this idempotency key was recorded on, or null when there is none.</summary>
    public static Task<Guid?> FindIncidentOfKeyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string key, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<Guid?>(new CommandDefinition(SelectIncidentOfKey, new { Key = key }, transaction, cancellationToken: cancellationToken));

    public async Task<int> AppendAsync(IReadOnlyList<TimelineEvent> events, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await AppendAsync(connection, null, events, cancellationToken);
    }

    /// <summary>The incident's timeline by original time, then by the order it was recorded.</summary>
    public async Task<IReadOnlyList<TimelineEvent>> ListAsync(Guid incidentId, CancellationToken cancellationToken, int limit = 100_000)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<TimelineRow>(new CommandDefinition(SelectForIncident, new { IncidentId = incidentId, Limit = limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToModel())];
    }

    public async Task<bool> SetPinnedAsync(long eventId, bool pinned, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(SetPinned, new { Id = eventId, Pinned = pinned }, cancellationToken: cancellationToken)) == 1;
    }
}
