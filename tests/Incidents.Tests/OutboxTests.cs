using Dapper;
using Nginx502Bot.Incidents.Lifecycle;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Tests.Infrastructure;
using Npgsql;

namespace Nginx502Bot.Incidents.Tests;

/// <summary>Guards issue 5 "Durability": events written while PostgreSQL is down survive a bot restart and land exactly once.</summary>
public sealed class OutboxTests(PostgresCluster cluster) : IClassFixture<PostgresCluster>, IDisposable
{
    private readonly string outboxDir = Path.Combine(Path.GetTempPath(), "n502-outbox-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task PostgresStoppedMidIncidentAndBotRestarted_EveryEventStoredExactlyOnce()
    {
        var expectedKeys = new List<string>();
        Guid first, offline;
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-20T03:00:00Z"));
        await using (var a = await IncidentsHost.StartAsync(cluster.ConnectionString, outboxDir, clock))
        {
            var service = a.Get<IncidentService>();
            var opened = await service.ReportAsync(Reports.For("outbox-up:8000", a.Clock.GetUtcNow()), CancellationToken.None);
            first = opened.Incident.Id;
            Assert.False(opened.Deferred);
            expectedKeys.AddRange(await NotesAsync(a, first, "online", 10));

            await cluster.StopAsync();

            expectedKeys.AddRange(await NotesAsync(a, first, "down-a", 20));
            expectedKeys.AddRange(await HoldOutageAsync(a, first));
            await service.MitigateAsync(first, "U1", a.Clock.GetUtcNow(), "failed over", "mitigate-1", CancellationToken.None);
            var other = await service.ReportAsync(Reports.For("outbox-other:9000", a.Clock.GetUtcNow()), CancellationToken.None);
            Assert.True(other.Deferred);
            offline = other.Incident.Id;
            Assert.True(a.Get<IncidentStore>().PendingInOutbox > 0);
        }

        // The bot restarts while the database is still down: a new container over the same outbox directory.
        await using (var b = await IncidentsHost.StartAsync(cluster.ConnectionString, outboxDir, clock, migrate: false))
        {
            b.Get<IncidentStore>().WarmFromOutbox();
            expectedKeys.AddRange(await NotesAsync(b, first, "down-b", 15));
            expectedKeys.AddRange(await NotesAsync(b, offline, "down-b-offline", 5));
            await b.Get<IncidentService>().ResolveAsync(first, "U1", b.Clock.GetUtcNow(), "fixed", "resolve-1", CancellationToken.None);
            File.Copy(Path.Combine(outboxDir, "outbox.jsonl"), Path.Combine(outboxDir, "backup.jsonl"));

            await cluster.StartAsync();
            Assert.True(await FlushAsync(b.Get<IncidentStore>()));
        }

        await AssertStoredOnceAsync(expectedKeys, first, offline);

        // A crash between the database commit and the outbox rewrite replays everything again: still exactly once.
        File.Copy(Path.Combine(outboxDir, "backup.jsonl"), Path.Combine(outboxDir, "outbox.jsonl"), overwrite: true);
        await using (var c = await IncidentsHost.StartAsync(cluster.ConnectionString, outboxDir, migrate: false))
        {
            Assert.True(c.Get<IncidentStore>().PendingInOutbox > 0);
            Assert.True(await FlushAsync(c.Get<IncidentStore>()));
        }

        await AssertStoredOnceAsync(expectedKeys, first, offline);
    }

    [Fact]
    public async Task DatabaseDownAfterRestart_ReportJoinsIncidentKnownFromWarmCache()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-11-21T03:00:00Z"));
        var upstream = "warm-" + Guid.NewGuid().ToString("N")[..8] + ":8000";
        Guid id;
        await using (var a = await IncidentsHost.StartAsync(cluster.ConnectionString, outboxDir, clock))
        {
            id = (await a.Get<IncidentService>().ReportAsync(Reports.For(upstream, clock.GetUtcNow(), count: 3), CancellationToken.None)).Incident.Id;
        }

        await using var b = await IncidentsHost.StartAsync(cluster.ConnectionString, outboxDir, clock, migrate: false);
        await b.Get<IncidentStore>().WarmAsync(clock.GetUtcNow().AddDays(-1), CancellationToken.None);
        await cluster.StopAsync();
        try
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            var joined = await b.Get<IncidentService>().ReportAsync(Reports.For(upstream, clock.GetUtcNow(), count: 4), CancellationToken.None);

            Assert.True(joined.Deferred);
            Assert.Equal(ReportOutcome.Joined, joined.Outcome);
            Assert.Equal(id, joined.Incident.Id);
        }
        finally
        {
            await cluster.StartAsync();
        }

        Assert.True(await FlushAsync(b.Get<IncidentStore>()));
        await using var connection = new NpgsqlConnection(cluster.UnpooledConnectionString);
        Assert.Equal(7, await connection.ExecuteScalarAsync<long>("SELECT count_502 FROM incidents WHERE id = @Id", new { Id = id }));
    }

    public void Dispose()
    {
        if (Directory.Exists(outboxDir))
        {
            Directory.Delete(outboxDir, recursive: true);
        }
    }

    private static async Task<List<string>> NotesAsync(IncidentsHost host, Guid id, string prefix, int count)
    {
        var keys = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var key = $"{prefix}-{i}";
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await host.Get<IncidentService>().AddNoteAsync(id, "U2", $"note {key}", host.Clock.GetUtcNow(), key, pinned: false, CancellationToken.None);
            keys.Add(key);
        }

        return keys;
    }

    /// <summary>N502_OUTAGE_SECONDS=60 keeps the database down that long, writing a note a second (issue 5: a 60 s outage).</summary>
    private static async Task<List<string>> HoldOutageAsync(IncidentsHost host, Guid id)
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("N502_OUTAGE_SECONDS"), out var s) ? Math.Clamp(s, 0, 600) : 0;
        var keys = new List<string>();
        for (var i = 0; i < seconds; i++)
        {
            keys.AddRange(await NotesAsync(host, id, $"outage-{i}", 1));
            await Task.Delay(1000);
        }

        return keys;
    }

    private static async Task<bool> FlushAsync(IncidentStore store)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await store.TryFlushAsync(CancellationToken.None))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return false;
    }

    private async Task AssertStoredOnceAsync(List<string> expectedKeys, Guid first, Guid offline)
    {
        await using var connection = new NpgsqlConnection(cluster.UnpooledConnectionString);
        var notes = (await connection.QueryAsync<string>("SELECT idempotency_key FROM timeline_events WHERE kind = 'note'")).ToList();
        Assert.Equal(expectedKeys.Order(), notes.Order());
        var statuses = (await connection.QueryAsync<(Guid Id, string Status, long Number)>(
            "SELECT id, status, number FROM incidents WHERE id = ANY(@Ids)", new { Ids = new[] { first, offline } })).ToDictionary(r => r.Id);
        Assert.Equal("resolved", statuses[first].Status);
        Assert.Equal("open", statuses[offline].Status);
        Assert.True(statuses[offline].Number > 0);
        var changes = await connection.QueryAsync<string>(
            "SELECT summary FROM timeline_events WHERE incident_id = @Id AND kind = 'status_change' ORDER BY occurred_at, id", new { Id = first });
        Assert.Equal(["open → mitigated: failed over", "mitigated → resolved: fixed"], changes);
    }
}
