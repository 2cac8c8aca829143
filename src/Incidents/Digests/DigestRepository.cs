using Dapper;
using Nginx502Bot.Incidents.Storage;
using Npgsql;

namespace Nginx502Bot.Incidents.Digests;

/// <summary>Digest aggregates over incidents detected in a period (index on detected_at), and digest claims.</summary>
public sealed class DigestRepository(NpgsqlDataSource dataSource)
{
    private const string Totals = """
        SELECT count(*) AS Total,
               count(*) FILTER (WHERE status = 'resolved') AS Resolved,
               count(*) FILTER (WHERE status <> 'resolved') AS Live,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - coalesce(first_502_at, detected_at))::float8)
                   FILTER (WHERE resolved_at IS NOT NULL) AS MedianSeconds,
               avg(extract(epoch FROM resolved_at - coalesce(first_502_at, detected_at)))
                   FILTER (WHERE resolved_at IS NOT NULL)::float8 AS MeanSeconds
        FROM incidents WHERE detected_at >= @From AND detected_at < @To
        """;

    private const string TopCauses = """
        SELECT coalesce(root_cause, 'undetermined') AS Key, count(*) AS Count
        FROM incidents WHERE detected_at >= @From AND detected_at < @To
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT @Limit
        """;

    private const string NoisiestUpstreams = """
        SELECT u AS Key, sum(count_502)::bigint AS Count
        FROM incidents, unnest(upstreams) AS u WHERE detected_at >= @From AND detected_at < @To
        GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT @Limit
        """;

    private const string Recent = $"""
        SELECT {IncidentRow.Columns} FROM incidents WHERE detected_at >= @From AND detected_at < @To
        ORDER BY detected_at DESC LIMIT @Limit
        """;

    private const string Claim = """
        INSERT INTO digest_runs (channel, period, period_start, posted_at) VALUES (@Channel, @Period, @PeriodStart, @PostedAt)
        ON CONFLICT DO NOTHING
        """;

    private const string Unclaim = "DELETE FROM digest_runs WHERE channel = @Channel AND period = @Period AND period_start = @PeriodStart";

    public async Task<Digest> LoadAsync(DigestPeriod period, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var range = new { From = from.UtcDateTime, To = to.UtcDateTime, Limit = 5 };
        var totals = await connection.QuerySingleAsync<DigestTotals>(new CommandDefinition(Totals, range, cancellationToken: cancellationToken));
        var causes = await connection.QueryAsync<CountByKey>(new CommandDefinition(TopCauses, range, cancellationToken: cancellationToken));
        var upstreams = await connection.QueryAsync<CountByKey>(new CommandDefinition(NoisiestUpstreams, range, cancellationToken: cancellationToken));
        var recent = await connection.QueryAsync<IncidentRow>(new CommandDefinition(Recent, range with { Limit = 10 }, cancellationToken: cancellationToken));
        return new Digest
        {
            Period = period, From = from, To = to, IncidentCount = totals.Total, ResolvedCount = totals.Resolved,
            OpenCount = totals.Live,
            MedianTimeToResolve = totals.MedianSeconds is { } m ? TimeSpan.FromSeconds(m) : null,
            MeanTimeToResolve = totals.MeanSeconds is { } a ? TimeSpan.FromSeconds(a) : null,
            TopRootCauses = [.. causes], NoisiestUpstreams = [.. upstreams], Incidents = [.. recent.Select(r => r.ToModel())],
        };
    }

    /// <summary>True when this caller is the first to post this channel's digest for the period.</summary>
    public async Task<bool> TryClaimAsync(string channel, DigestPeriod period, DateTimeOffset periodStart, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Claim,
            new { Channel = channel, Period = Name(period), PeriodStart = periodStart.UtcDateTime, PostedAt = now.UtcDateTime }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Releases a claim whose post failed, so the next run can post it.</summary>
    public async Task ReleaseAsync(string channel, DigestPeriod period, DateTimeOffset periodStart, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Unclaim,
            new { Channel = channel, Period = Name(period), PeriodStart = periodStart.UtcDateTime }, cancellationToken: cancellationToken));
    }

    private static string Name(DigestPeriod period) => period == DigestPeriod.Daily ? "daily" : "weekly";
}
