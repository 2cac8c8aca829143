using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Nginx502Bot.Incidents.Chat;
using Nginx502Bot.Incidents.Jobs;
using Nginx502Bot.Incidents.Lifecycle;
using Nginx502Bot.Incidents.Tests.Infrastructure;

namespace Nginx502Bot.Incidents.Tests;

/// <summary>The composition root's scheduler: configured cron, our job factory, a real job doing real work.</summary>
public sealed class SchedulerHostedServiceTests
{
    [Fact]
    public async Task AutoResolveCronEverySecond_ResolvesStaleIncidentThroughTheHostedScheduler()
    {
        var cs = await PostgresServer.CreateDatabaseAsync("sch", PostgresServer.ConnectionString);
        try
        {
            await using var host = await IncidentsHost.StartAsync(cs, settings: new Dictionary<string, string?>
            {
                ["Incidents:Schedules:AutoResolveCron"] = "* * * * * ?",
                ["Incidents:Schedules:DailyDigestCron"] = "",
                ["Incidents:Schedules:WeeklyDigestCron"] = "",
                ["Incidents:Schedules:PostmortemReminderCron"] = "",
                ["Incidents:Schedules:PruneDeliveriesCron"] = "",
                ["Incidents:Schedules:SchedulerName"] = "sched-" + Guid.NewGuid().ToString("N")[..8],
            });
            await host.Get<IncidentService>().ReportAsync(Reports.For("10.1.1.1:80", host.Clock.GetUtcNow()), CancellationToken.None);
            host.Clock.Advance(TimeSpan.FromDays(2));
            var scheduler = ActivatorUtilities.CreateInstance<SchedulerHostedService>(host.Services);

            await scheduler.StartAsync(CancellationToken.None);
            try
            {
                var deadline = DateTime.UtcNow.AddSeconds(30);
                while (!host.Poster.Posts.Any(p => p.Kind == ChatPostKind.AutoResolved) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200);
                }
            }
            finally
            {
                await scheduler.StopAsync(CancellationToken.None);
                scheduler.Dispose();
            }

            Assert.Single(host.Poster.Posts, p => p.Kind == ChatPostKind.AutoResolved);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(cs);
        }
    }
}
