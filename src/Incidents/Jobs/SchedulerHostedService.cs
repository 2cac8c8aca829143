using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Configuration;
using Quartz;

namespace Nginx502Bot.Incidents.Jobs;

/// <summary>
/// Hosts the clustered Quartz scheduler (Quartz.Extensions.Hosting is not available to us): builds it, (re)schedules
/// the jobs from <see cref="SchedulesOptions"/> and shuts it down with the host, waiting for running jobs. Start-up
/// happens in the background and is retried while PostgreSQL is unreachable, so the bot starts and answers anyway.
/// </summary>
public sealed partial class SchedulerHostedService(
    IServiceProvider services,
    IOptions<IncidentsOptions> incidents,
    IOptions<SchedulesOptions> schedules,
    ILogger<SchedulerHostedService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);
    private readonly CancellationTokenSource stopping = new();
    private Task starting = Task.CompletedTask;
    private IScheduler? scheduler;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        starting = Task.Run(() => StartWithRetryAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        await starting.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        if (scheduler is not null)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    public void Dispose() => stopping.Dispose();

    private async Task StartWithRetryAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                scheduler = await BuildAndScheduleAsync(cancellationToken);
                await scheduler.Start(cancellationToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Unreachable database or a bad schedule: either way the bot keeps answering and we retry.
                LogStartFailed(logger, ex);
                scheduler = null;
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    private async Task<IScheduler> BuildAndScheduleAsync(CancellationToken cancellationToken)
    {
        var o = schedules.Value;
        var properties = ClusteredScheduler.Properties(incidents.Value.ConnectionString, o.SchedulerName,
            $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}", o.ClusterCheckinInterval);
        var built = await ClusteredScheduler.CreateAsync(properties, new ServiceProviderJobFactory(services), cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone);
        await ScheduleAsync<DailyDigestJob>(built, o.DailyDigestCron, zone, cancellationToken);
        await ScheduleAsync<WeeklyDigestJob>(built, o.WeeklyDigestCron, zone, cancellationToken);
        await ScheduleAsync<PostmortemReminderJob>(built, o.PostmortemReminderCron, zone, cancellationToken);
        await ScheduleAsync<AutoResolveJob>(built, o.AutoResolveCron, zone, cancellationToken);
        await ScheduleAsync<PruneDeliveriesJob>(built, o.PruneDeliveriesCron, zone, cancellationToken);
        return built;
    }

    /// <summary>Replaces the job's trigger so a changed cron in configuration takes effect on the next start; empty cron removes it.</summary>
    private async Task ScheduleAsync<TJob>(IScheduler target, string cron, TimeZoneInfo zone, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var name = typeof(TJob).Name;
        if (string.IsNullOrWhiteSpace(cron))
        {
            await target.DeleteJob(new JobKey(name, "incidents"), cancellationToken);
            return;
        }

        var job = JobBuilder.Create<TJob>().WithIdentity(name, "incidents").StoreDurably().Build();
        var trigger = TriggerBuilder.Create().WithIdentity(name, "incidents").ForJob(job)
            .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build();
        await target.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        LogScheduled(logger, name, cron);
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Quartz scheduler could not start; retrying")]
    private static partial void LogStartFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Information, Message = "Scheduled {Job} with cron {Cron}")]
    private static partial void LogScheduled(ILogger logger, string job, string cron);
}
