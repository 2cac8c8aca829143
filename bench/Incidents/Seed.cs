using Dapper;
using Npgsql;

namespace Nginx502Bot.Incidents.Bench;

/// <summary>Bulk seeding in SQL (generate_series), so seeding time is not mistaken for the code under test.</summary>
public static class Seed
{
    private const string Incidents = """
        INSERT INTO incidents (id, status, severity, title, hosts, virtual_hosts, upstreams, root_cause, first_502_at, last_502_at,
            count_502, detected_at, resolved_at, updated_at)
        SELECT gen_random_uuid(), CASE WHEN g % 10 = 0 THEN 'open' ELSE 'resolved' END, 'sev3', 'bench ' || g,
            ARRAY['web-' || (g % 20)], ARRAY['site' || (g % 50) || '.example.com'], ARRAY['10.0.' || (g % 30) || '.1:8000'],
            (ARRAY['upstream_down','wrong_target','stale_keepalive','php_fatal','fpm_pool_exhausted','oom_killed'])[1 + g % 6],
            @Start + make_interval(mins => g % 10080) - interval '5 minutes', @Start + make_interval(mins => g % 10080),
            1 + g % 100, @Start + make_interval(mins => g % 10080),
            CASE WHEN g % 10 = 0 THEN NULL ELSE @Start + make_interval(mins => g % 10080) + make_interval(mins => 5 + g % 120) END,
            @Start + make_interval(mins => g % 10080)
        FROM generate_series(1, @Count) AS g
        """;

    /// <summary>Inserts <paramref name="count"/> incidents spread over the week starting at <paramref name="start"/>.</summary>
    public static async Task IncidentsAsync(NpgsqlDataSource dataSource, int count, DateTime start)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(new CommandDefinition(Incidents, new { Count = count, Start = start }, commandTimeout: 300));
        await connection.ExecuteAsync("ANALYZE incidents");
    }
}
