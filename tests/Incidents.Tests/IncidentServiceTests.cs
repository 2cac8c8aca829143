using Nginx502Bot.Incidents.Lifecycle;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Storage;
using Nginx502Bot.Incidents.Tests.Infrastructure;

namespace Nginx502Bot.Incidents.Tests;

public sealed class IncidentServiceTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task FirstReport_OpensIncidentWithLogTimesAndEvents()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        var report = Reports.For(Reports.Upstream(), host.Clock.GetUtcNow());

        var result = await host.Get<IncidentService>().ReportAsync(report, CancellationToken.None);

        Assert.Equal(ReportOutcome.Opened, result.Outcome);
        Assert.False(result.Deferred);
        var stored = await host.Get<IncidentRepository>().GetAsync(result.Incident.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.True(stored.Number > 0);
        Assert.Equal(IncidentStatus.Open, stored.Status);
        Assert.Equal(report.First502At, stored.First502At);
        Assert.Equal(report.Last502At, stored.Last502At);
        Assert.Equal("upstream_down", stored.RootCause);
        var kinds = (await host.Get<TimelineRepository>().ListAsync(stored.Id, CancellationToken.None)).Select(e => e.Kind).ToList();
        Assert.Equal([TimelineEventKind.LinesReceived, TimelineEventKind.Reported, TimelineEventKind.Diagnosis], kinds);
    }

    [Fact]
    public async Task ReportForSameUpstreamWithinWindow_JoinsAndAddsCounts()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        var service = host.Get<IncidentService>();
        var upstream = Reports.Upstream();
        var first = await service.ReportAsync(Reports.For(upstream, host.Clock.GetUtcNow(), count: 3), CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(30));

        var second = await service.ReportAsync(Reports.For(upstream, host.Clock.GetUtcNow(), count: 4), CancellationToken.None);

        Assert.Equal(ReportOutcome.Joined, second.Outcome);
        Assert.Equal(first.Incident.Id, second.Incident.Id);
        Assert.Equal(7, second.Incident.Count502);
        Assert.Equal(first.Incident.First502At, second.Incident.First502At);
    }

    [Fact]
    public async Task SameReportDeliveredTwice_CountsItsRecordsOnce()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        var service = host.Get<IncidentService>();
        var report = Reports.For(Reports.Upstream(), host.Clock.GetUtcNow(), count: 3);
        var first = await service.ReportAsync(report, CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromMinutes(1));

        var again = await service.ReportAsync(report, CancellationToken.None);

        Assert.Equal(first.Incident.Id, again.Incident.Id);
        var stored = await host.Get<IncidentRepository>().GetAsync(first.Incident.Id, CancellationToken.None);
        Assert.Equal(3, stored!.Count502);
        var reported = (await host.Get<TimelineRepository>().ListAsync(first.Incident.Id, CancellationToken.None)).Count(e => e.Kind == TimelineEventKind.Reported);
        Assert.Equal(1, reported);
    }

    [Fact]
    public async Task ReportForSameVirtualHostDifferentUpstream_Joins()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        var service = host.Get<IncidentService>();
        var vhost = $"shop-{Guid.NewGuid():N}.example.com";
        var first = await service.ReportAsync(Reports.For(Reports.Upstream(), host.Clock.GetUtcNow(), vhost: vhost), CancellationToken.None);

        var second = await service.ReportAsync(Reports.For(Reports.Upstream(), host.Clock.GetUtcNow(), vhost: vhost), CancellationToken.None);

        Assert.Equal(first.Incident.Id, second.Incident.Id);
        Assert.Equal(2, second.Incident.Upstreams.Count);
    }

    [Fact]
    public async Task ReportAfterJoinWindow_OpensNewIncident()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        var service = host.Get<IncidentService>();
        var upstream = Reports.Upstream();
        var first = await service.ReportAsync(Reports.For(upstream, host.Clock.GetUtcNow()), CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromHours(3));

        var second = await service.ReportAsync(Reports.For(upstream, host.Clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal(ReportOutcome.Opened, second.Outcome);
        Assert.NotEqual(first.Incident.Id, second.Incident.Id);
    }

    [Fact]
    public async Task ReportAfterResolve_ReopensWithStatusChangeEvent()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        var service = host.Get<IncidentService>();
        var upstream = Reports.Upstream();
        var opened = await service.ReportAsync(Reports.For(upstream, host.Clock.GetUtcNow()), CancellationToken.None);
        await service.ResolveAsync(opened.Incident.Id, "U123alice", host.Clock.GetUtcNow(), "restarted php-fpm", "cmd-1", CancellationToken.None);
        host.Clock.Advance(TimeSpan.FromHours(5));

        var again = await service.ReportAsync(Reports.For(upstream, host.Clock.GetUtcNow()), CancellationToken.None);

        Assert.Equal(ReportOutcome.Reopened, again.Outcome);
        Assert.Equal(opened.Incident.Id, again.Incident.Id);
        Assert.Equal(IncidentStatus.Open, again.Incident.Status);
        Assert.Null(again.Incident.ResolvedAt);
        Assert.Equal(1, again.Incident.ReopenedCount);
        var changes = (await host.Get<TimelineRepository>().ListAsync(opened.Incident.Id, CancellationToken.None))
            .Where(e => e.Kind == TimelineEventKind.StatusChange).Select(e => e.Summary).ToList();
        Assert.Equal(2, changes.Count);
        Assert.StartsWith("open → resolved", changes[0]);
        Assert.StartsWith("resolved → open", changes[1]);
    }

    [Fact]
    public async Task ChatCommands_KeepTheirOriginalTimesAndTimelineIsOrderedByThem()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        var service = host.Get<IncidentService>();
        var t0 = host.Clock.GetUtcNow();
        var opened = await service.ReportAsync(Reports.For(Reports.Upstream(), t0), CancellationToken.None);
        var id = opened.Incident.Id;
        host.Clock.Advance(TimeSpan.FromMinutes(20));

        // Recorded out of order: the resolve arrives first, a note written earlier arrives later (delayed delivery).
        await service.ResolveAsync(id, "U1", t0.AddMinutes(15), "fixed port in nginx.conf", "m-resolve", CancellationToken.None);
        await service.AddNoteAsync(id, "U2", "php-fpm was listening on 9001", t0.AddMinutes(7), "m-note", pinned: false, CancellationToken.None);
        await service.AcknowledgeAsync(id, "U1", t0.AddMinutes(2), "m-ack", CancellationToken.None);

        var timeline = await host.Get<TimelineRepository>().ListAsync(id, CancellationToken.None);
        Assert.Equal(timeline.OrderBy(e => e.OccurredAt).Select(e => e.Id), timeline.Select(e => e.Id));
        var tail = timeline.Where(e => e.Actor is "U1" or "U2").Select(e => e.OccurredAt).ToList();
        Assert.Equal([t0.AddMinutes(2), t0.AddMinutes(7), t0.AddMinutes(15)], tail);
        var incident = await host.Get<IncidentRepository>().GetAsync(id, CancellationToken.None);
        Assert.Equal(t0.AddMinutes(15), incident!.ResolvedAt);
        Assert.Equal(t0.AddMinutes(2), incident.AcknowledgedAt);
    }

    [Fact]
    public async Task SameDeliveryRecordedTwice_StoresEventsOnce()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        var service = host.Get<IncidentService>();
        var opened = await service.ReportAsync(Reports.For(Reports.Upstream(), host.Clock.GetUtcNow()), CancellationToken.None);

        for (var i = 0; i < 3; i++)
        {
            await service.AddNoteAsync(opened.Incident.Id, "U2", "same note", host.Clock.GetUtcNow(), "slack-evt-42", pinned: false, CancellationToken.None);
        }

        var notes = (await host.Get<TimelineRepository>().ListAsync(opened.Incident.Id, CancellationToken.None)).Count(e => e.Kind == TimelineEventKind.Note);
        Assert.Equal(1, notes);
    }

    [Fact]
    public async Task TwoInstancesClaimSameDelivery_OnlyOneWins()
    {
        await using var a = await IncidentsHost.StartAsync(db.ConnectionString);
        await using var b = await IncidentsHost.StartAsync(db.ConnectionString, migrate: false);
        var delivery = "Ev" + Guid.NewGuid().ToString("N");

        var claims = await Task.WhenAll(
            a.Get<DeliveryDedupeRepository>().TryClaimAsync(delivery, "a", CancellationToken.None),
            b.Get<DeliveryDedupeRepository>().TryClaimAsync(delivery, "b", CancellationToken.None));

        Assert.Single(claims, c => c);
    }

    [Fact]
    public async Task ConcurrentReportsFromTwoInstances_OpenOneIncident()
    {
        await using var a = await IncidentsHost.StartAsync(db.ConnectionString);
        await using var b = await IncidentsHost.StartAsync(db.ConnectionString, migrate: false);
        var upstream = Reports.Upstream();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? a : b).Get<IncidentService>().ReportAsync(Reports.For(upstream, a.Clock.GetUtcNow(), count: 1), CancellationToken.None)));

        Assert.Single(results.Select(r => r.Incident.Id).Distinct());
        var stored = await a.Get<IncidentRepository>().GetAsync(results[0].Incident.Id, CancellationToken.None);
        Assert.Equal(6, stored!.Count502);
    }

    [Fact]
    public async Task ConcurrentNotesOnOneIncidentFromTwoInstances_EveryNoteAndVersionCounted()
    {
        await using var a = await IncidentsHost.StartAsync(db.ConnectionString);
        await using var b = await IncidentsHost.StartAsync(db.ConnectionString, migrate: false);
        var opened = await a.Get<IncidentService>().ReportAsync(Reports.For(Reports.Upstream(), a.Clock.GetUtcNow()), CancellationToken.None);
        var prefix = Guid.NewGuid().ToString("N");

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? a : b).Get<IncidentService>()
            .AddNoteAsync(opened.Incident.Id, "U", $"note {i}", a.Clock.GetUtcNow(), $"{prefix}-{i}", pinned: false, CancellationToken.None)));

        var notes = (await a.Get<TimelineRepository>().ListAsync(opened.Incident.Id, CancellationToken.None)).Count(e => e.Kind == TimelineEventKind.Note);
        Assert.Equal(20, notes);
        var stored = await a.Get<IncidentRepository>().GetAsync(opened.Incident.Id, CancellationToken.None);
        Assert.Equal(opened.Incident.Version + 20, stored!.Version);
    }
}
