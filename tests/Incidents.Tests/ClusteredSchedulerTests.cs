using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Nginx502Bot.Incidents.Jobs;
using Nginx502Bot.Incidents.Migrations;
using Nginx502Bot.Incidents.Tests.Infrastructure;
using Npgsql;
using Quartz;

namespace Nginx502Bot.Incidents.Tests;

/// <summary>Guards issue 5 "several bot replicas run each job once": two clustered schedulers on one database.</summary>
public sealed class ClusteredSchedulerTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task TwoSchedulerInstances_RunEachFiringExactlyOnce()
    {
        await using (var dataSource = NpgsqlDataSource.Create(db.ConnectionString))
        {
            await new MigrationRunner(dataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        }

        var name = "test-" + Guid.NewGuid().ToString("N")[..8];
        await using var services = new ServiceCollection().BuildServiceProvider();
        var a = await ClusteredScheduler.CreateAsync(ClusteredScheduler.Properties(db.ConnectionString, name, "node-a", TimeSpan.FromSeconds(1)), new ServiceProviderJobFactory(services), CancellationToken.None);
        var b = await ClusteredScheduler.CreateAsync(ClusteredScheduler.Properties(db.ConnectionString, name, "node-b", TimeSpan.FromSeconds(1)), new ServiceProviderJobFactory(services), CancellationToken.None);
        try
        {
            Assert.NotSame(a, b);
            var run = Guid.NewGuid().ToString("N");
            const int firings = 6;
            var job = JobBuilder.Create<CountingJob>().WithIdentity("count", "test").UsingJobData("run", run).Build();
            var trigger = TriggerBuilder.Create().WithIdentity("count", "test").StartAt(DateTimeOffset.UtcNow.AddSeconds(2))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMilliseconds(700)).WithRepeatCount(firings - 1)).Build();
            await a.ScheduleJob(job, trigger, default(ScheduleJobOptions), CancellationToken.None);
            await a.Start(CancellationToken.None);
            await b.Start(CancellationToken.None);

            var deadline = DateTime.UtcNow.AddSeconds(40);
            while (Count(run) < firings && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            await Task.Delay(2000); // a duplicate would show up now
            var runs = CountingJob.Runs[run].ToList();
            Assert.Equal(firings, runs.Count);
            Assert.Equal(firings, runs.Select(r => r.Scheduled).Distinct().Count());
            Assert.All(runs, r => Assert.Contains(r.Instance, new[] { "node-a", "node-b" }));
        }
        finally
        {
            await a.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
            await b.Shutdown(waitForJobsToComplete: true, CancellationToken.None);
        }
    }

    private static int Count(string run) => CountingJob.Runs.TryGetValue(run, out var q) ? q.Count : 0;
}
