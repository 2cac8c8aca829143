using Nginx502Bot.Incidents.Chat;
using Nginx502Bot.Incidents.Digests;
using Nginx502Bot.Incidents.Lifecycle;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Tests.Infrastructure;

namespace Nginx502Bot.Incidents.Tests;

public sealed class DigestTests
{
    [Fact]
    public async Task DayWithoutIncidents_PostsExplicitNoIncidents()
    {
        var cs = await PostgresServer.CreateDatabaseAsync("dig", PostgresServer.ConnectionString);
        try
        {
            await using var host = await IncidentsHost.StartAsync(cs);

            var posted = await host.Get<DigestService>().PostAsync(DigestPeriod.Daily, CancellationToken.None);

            Assert.Equal(["#ops"], posted);
            var post = Assert.Single(host.Poster.Posts);
            Assert.Equal(ChatPostKind.DailyDigest, post.Kind);
            Assert.Contains("No incidents in this period.", post.Text);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(cs);
        }
    }

    [Fact]
    public async Task WeekWithIncidents_CountsCausesUpstreamsAndPostsOnce()
    {
        var cs = await PostgresServer.CreateDatabaseAsync("dig", PostgresServer.ConnectionString);
        try
        {
            // Incidents during the week of Mon 2026-11-09; the digest runs on Mon 2026-11-16.
            var clock = new ManualClock(DateTimeOffset.Parse("2026-11-10T03:00:00Z"));
            await using var host = await IncidentsHost.StartAsync(cs, clock: clock);
            var service = host.Get<IncidentService>();
            var noisy = await service.ReportAsync(Reports.For("10.0.0.5:8000", clock.GetUtcNow(), count: 40, rootCause: "stale_keepalive"), CancellationToken.None);
            await service.ResolveAsync(noisy.Incident.Id, "U1", clock.GetUtcNow().AddMinutes(30), "keepalive fixed", "r1", CancellationToken.None);
            clock.Advance(TimeSpan.FromDays(1));
            await service.ReportAsync(Reports.For("10.0.0.6:8000", clock.GetUtcNow(), count: 2, rootCause: "stale_keepalive"), CancellationToken.None);
            await service.ReportAsync(Reports.For("unix:/run/php/fpm.sock", clock.GetUtcNow(), count: 5, rootCause: "unix_socket_missing"), CancellationToken.None);
            clock.Advance(TimeSpan.FromDays(5));

            await host.Get<DigestService>().PostAsync(DigestPeriod.Weekly, CancellationToken.None);
            await host.Get<DigestService>().PostAsync(DigestPeriod.Weekly, CancellationToken.None);

            var post = Assert.Single(host.Poster.Posts);
            Assert.Contains("Incidents: 3 (1 resolved, 2 still open)", post.Text);
            Assert.Contains("Top root causes: `stale_keepalive` 2, `unix_socket_missing` 1", post.Text);
            Assert.Contains("Noisiest upstreams (502s): `10.0.0.5:8000` 40", post.Text);
            Assert.Contains("median 35 min 0 s", post.Text); // first 502 five minutes before the report, resolved 30 min after it
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(cs);
        }
    }

    [Fact]
    public async Task StaleIncident_AutoResolvedAndReminderSentOnce()
    {
        var cs = await PostgresServer.CreateDatabaseAsync("dig", PostgresServer.ConnectionString);
        try
        {
            await using var host = await IncidentsHost.StartAsync(cs);
            var opened = await host.Get<IncidentService>().ReportAsync(Reports.For("10.9.9.9:80", host.Clock.GetUtcNow()), CancellationToken.None);
            host.Clock.Advance(TimeSpan.FromHours(25));

            Assert.Equal(1, await host.Get<AutoResolveService>().ResolveStaleAsync(CancellationToken.None));
            host.Clock.Advance(TimeSpan.FromDays(3));
            Assert.Equal(1, await host.Get<ReminderService>().RemindAsync(CancellationToken.None));
            Assert.Equal(0, await host.Get<ReminderService>().RemindAsync(CancellationToken.None));

            var kinds = host.Poster.Posts.Select(p => p.Kind).ToList();
            Assert.Equal([ChatPostKind.AutoResolved, ChatPostKind.PostmortemReminder], kinds);
            Assert.Contains("/incidents/", host.Poster.Posts.Last().Link);
            var stored = await host.Get<Storage.IncidentRepository>().GetAsync(opened.Incident.Id, CancellationToken.None);
            Assert.Equal(IncidentStatus.Resolved, stored!.Status);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(cs);
        }
    }
}
