using Nginx502Bot.Incidents.Lifecycle;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Postmortems;
using Nginx502Bot.Incidents.Tests.Infrastructure;

namespace Nginx502Bot.Incidents.Tests;

public sealed class PostmortemTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task SeededIncident_MarkdownHasEverySectionFromTheTimeline()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        var service = host.Get<IncidentService>();
        var t0 = host.Clock.GetUtcNow();
        var report = Reports.For("127.0.0.1:9000", t0, count: 12, vhost: "shop.example.com", rootCause: "wrong_target");
        var opened = await service.ReportAsync(report, CancellationToken.None);
        var id = opened.Incident.Id;
        await service.RecordAsync(id, TimelineEventKind.ProbeResult, "agent@web-1", "php-fpm listens on 127.0.0.1:9001, nginx dials :9000",
            t0.AddMinutes(1), "probe-1", """{"config":"/etc/nginx/sites-enabled/shop:14","listening":["127.0.0.1:9001"]}""", pinned: true, CancellationToken.None);
        await service.AcknowledgeAsync(id, "U1", t0.AddMinutes(3), "ack-1", CancellationToken.None);
        await service.RecordAsync(id, TimelineEventKind.ActionTaken, "U1", "Changed fastcgi_pass to 127.0.0.1:9001 and reloaded", t0.AddMinutes(9), "act-1", null, pinned: false, CancellationToken.None);
        await service.ResolveAsync(id, "U1", t0.AddMinutes(10), "fixed port", "res-1", CancellationToken.None);

        var number = (await host.Get<Storage.IncidentRepository>().GetAsync(id, CancellationToken.None))!.Number;
        var pm = await host.Get<PostmortemBuilder>().BuildAsync(number, CancellationToken.None);
        var markdown = PostmortemMarkdownRenderer.Render(pm!);

        foreach (var heading in new[] { "## Summary", "## Impact", "## Detection", "## Root cause", "### Evidence", "## What was done", "## Response times", "## Action items", "## Timeline" })
        {
            Assert.Contains(heading, markdown);
        }

        Assert.Contains("`wrong_target`", markdown);
        Assert.Contains("/etc/nginx/sites-enabled/shop:14", markdown);
        Assert.Contains("- [ ] Keep one source of truth for ports", markdown);
        Assert.Contains("- Time to acknowledge: 8 min 0 s", markdown); // first 502 at t0-5min, ack at t0+3min
        Assert.Contains("- Time to resolve: 15 min 0 s", markdown);
        Assert.Contains("`shop.example.com`", markdown);
        Assert.True(markdown.IndexOf("Changed fastcgi_pass", StringComparison.Ordinal) < markdown.IndexOf("open → resolved", StringComparison.Ordinal));
    }

    [Fact]
    public void TimesFromLinesReceived_ChartBucketsCountEveryRecord()
    {
        var t0 = DateTimeOffset.Parse("2026-11-20T03:00:00Z");
        var incident = new Incident { Id = Guid.NewGuid(), Number = 7, Status = IncidentStatus.Open, Title = "x", DetectedAt = t0, UpdatedAt = t0, Count502 = 30 };
        var times = Enumerable.Range(0, 30).Select(i => t0.AddSeconds(i * 20)).ToList();
        var events = new List<TimelineEvent>
        {
            new() { IncidentId = incident.Id, Kind = TimelineEventKind.LinesReceived, OccurredAt = t0, RecordedAt = t0, Actor = "a", Summary = "30",
                IdempotencyKey = "k", DetailsJson = System.Text.Json.JsonSerializer.Serialize(new { times }) },
        };

        var pm = PostmortemBuilder.Build(incident, events);

        Assert.Equal(30, pm.Chart.Sum(b => b.Count));
        Assert.InRange(pm.Chart.Count, 2, ChartSeries.MaxBuckets);
        Assert.Contains("<rect class=\"bar\"", SvgChart.Render(pm.Chart));
    }

    [Fact]
    public void UnknownRootCause_GetsGenericActionItems()
    {
        Assert.NotEmpty(ActionItemCatalog.For(null));
        Assert.NotEqual(ActionItemCatalog.For("stale_keepalive"), ActionItemCatalog.For(null));
    }
}
