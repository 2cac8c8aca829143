using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nginx502Bot.Incidents;
using Nginx502Bot.Incidents.Lifecycle;
using Microsoft.Extensions.Logging.Abstractions;
using Nginx502Bot.Incidents.Bench;
using Nginx502Bot.Incidents.Digests;
using Nginx502Bot.Incidents.Migrations;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Pages;
using Nginx502Bot.Incidents.Postmortems;
using Nginx502Bot.Incidents.Storage;
using Npgsql;

// Usage: dotnet run -c Release --project bench/Incidents [events=100000] [incidents=100000]
var eventCount = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var incidentCount = args.Length > 1 ? int.Parse(args[1]) : 100_000;
var server = Environment.GetEnvironmentVariable("NGINX502BOT_DB") is { Length: > 0 } cs ? cs : "Host=127.0.0.1;Port=55432;Username=postgres;Database=nginx502bot";
var database = $"n502_bench_{Guid.NewGuid():N}";
await Admin($"CREATE DATABASE \"{database}\"");
var results = new List<BenchResult>();
try
{
    await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString);
    await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
    var incident = await OneIncidentAsync(dataSource);
    results.Add(await TimelineThroughputAsync(dataSource, incident, eventCount));
    results.Add(await LifecycleNotesAsync(new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString, incident, 3000));
    results.Add(await PostmortemRenderAsync(dataSource, incident));
    results.Add(await WeeklySummaryAsync(dataSource, incidentCount));
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await Admin($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
}

results.ForEach(Console.WriteLine);
return results.TrueForAll(r => r.Met) ? 0 : 1;

async Task Admin(string sql)
{
    // Database names are generated above from a GUID, never from input.
    await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<Incident> OneIncidentAsync(NpgsqlDataSource dataSource)
{
    var now = DateTimeOffset.UtcNow;
    var incident = new Incident
    {
        Id = Guid.CreateVersion7(), Status = IncidentStatus.Resolved, Title = "bench", DetectedAt = now, UpdatedAt = now,
        Upstreams = ["127.0.0.1:9000"], RootCause = "wrong_target", Count502 = 10_000, First502At = now.AddHours(-2), Last502At = now,
        AcknowledgedAt = now.AddMinutes(-100), ResolvedAt = now.AddMinutes(1),
    };
    await using var connection = await dataSource.OpenConnectionAsync();
    await using var tx = await connection.BeginTransactionAsync();
    incident = incident with { Number = await IncidentRepository.UpsertAsync(connection, tx, incident, CancellationToken.None) };
    await tx.CommitAsync();
    return incident;
}

static async Task<BenchResult> TimelineThroughputAsync(NpgsqlDataSource dataSource, Incident incident, int count)
{
    const int batch = 1000;
    var timeline = new TimelineRepository(dataSource);
    var start = incident.First502At!.Value;
    var stopwatch = Stopwatch.StartNew();
    for (var offset = 0; offset < count; offset += batch)
    {
        var events = Enumerable.Range(offset, Math.Min(batch, count - offset)).Select(i => new TimelineEvent
        {
            IncidentId = incident.Id, Kind = i % 7 == 0 ? TimelineEventKind.ProbeResult : TimelineEventKind.Note,
            OccurredAt = start.AddMilliseconds(i * 70), RecordedAt = start.AddMilliseconds(i * 70), Actor = "bench",
            Summary = $"event {i}", DetailsJson = $$"""{"i":{{i}}}""", IdempotencyKey = $"bench-{i}",
        }).ToList();
        await timeline.AppendAsync(events, CancellationToken.None);
    }

    var perSecond = count / stopwatch.Elapsed.TotalSeconds;
    return new BenchResult($"timeline insert ({count} events, batches of {batch})", perSecond, "events/s", ">= 10000", perSecond >= 10_000);
}

// One IncidentService call per event (a transaction with the lifecycle lock each): what a chat command costs.
static async Task<BenchResult> LifecycleNotesAsync(string connectionString, Incident incident, int count)
{
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Incidents:ConnectionString"] = connectionString,
        ["Incidents:OutboxDirectory"] = Path.Combine(Path.GetTempPath(), "n502-bench-outbox-" + Guid.NewGuid().ToString("N")),
    }).Build();
    await using var services = new ServiceCollection().AddLogging().AddIncidents(configuration).BuildServiceProvider();
    var lifecycle = services.GetRequiredService<IncidentService>();
    var stopwatch = Stopwatch.StartNew();
    for (var i = 0; i < count; i++)
    {
        await lifecycle.AddNoteAsync(incident.Id, "bench", $"note {i}", DateTimeOffset.UtcNow, $"bench-note-{i}", pinned: false, CancellationToken.None);
    }

    var perSecond = count / stopwatch.Elapsed.TotalSeconds;
    Directory.Delete(configuration["Incidents:OutboxDirectory"]!, recursive: true);
    return new BenchResult($"lifecycle AddNoteAsync, one call per event ({count})", perSecond, "events/s", "info only", true);
}

static async Task<BenchResult> PostmortemRenderAsync(NpgsqlDataSource dataSource, Incident incident)
{
    var timeline = (await new TimelineRepository(dataSource).ListAsync(incident.Id, CancellationToken.None)).Take(10_000).ToList();
    var lines = new TimelineEvent
    {
        IncidentId = incident.Id, Kind = TimelineEventKind.LinesReceived, OccurredAt = incident.First502At!.Value, RecordedAt = incident.First502At.Value,
        Actor = "bench", Summary = "lines", IdempotencyKey = "lines",
        DetailsJson = System.Text.Json.JsonSerializer.Serialize(new { times = Enumerable.Range(0, 5000).Select(i => incident.First502At.Value.AddSeconds(i)) }),
    };
    timeline[0] = lines;
    var best = double.MaxValue;
    for (var run = 0; run < 5; run++)
    {
        var stopwatch = Stopwatch.StartNew();
        var pm = PostmortemBuilder.Build(incident, timeline);
        var markdown = PostmortemMarkdownRenderer.Render(pm);
        var html = IncidentPages.RenderPostmortem(pm);
        best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        GC.KeepAlive(markdown + html.Length);
    }

    return new BenchResult($"post-mortem build+Markdown+HTML ({timeline.Count} events)", best, "ms", "<= 200", best <= 200);
}

static async Task<BenchResult> WeeklySummaryAsync(NpgsqlDataSource dataSource, int count)
{
    var weekStart = new DateTime(2026, 11, 9, 0, 0, 0, DateTimeKind.Utc);
    await Seed.IncidentsAsync(dataSource, count, weekStart);
    var digests = new DigestRepository(dataSource);
    var best = double.MaxValue;
    for (var run = 0; run < 5; run++)
    {
        var stopwatch = Stopwatch.StartNew();
        var digest = await digests.LoadAsync(DigestPeriod.Weekly, weekStart, weekStart.AddDays(7), CancellationToken.None);
        var text = DigestRenderer.Render(digest);
        best = Math.Min(best, stopwatch.Elapsed.TotalMilliseconds);
        if (digest.IncidentCount != count || text.Length == 0)
        {
            throw new InvalidOperationException($"weekly digest counted {digest.IncidentCount} of {count}");
        }
    }

    return new BenchResult($"weekly summary over {count} incidents", best, "ms", "<= 1000", best <= 1000);
}
