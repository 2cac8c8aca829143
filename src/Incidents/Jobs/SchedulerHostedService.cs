using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Configuration;
using Quartz;

namespace Nginx502Bot.Incidents.Jobs;

/// <summary>
/// Hosts the clustered Quartz scheduler (Quartz.Extensions.Hosting is not available to us): builds it at start,
/// (re)schedules the jobs from <see cref="SchedulesOptions"/> and shuts it down with the host, waiting for running jobs.
/// </summary>
public sealed class SchedulerHostedService(
    IServiceProvider services,
    IOptions<IncidentsOptions> incidents,
    IOptions<SchedulesOptions> schedules,
    ILogger<SchedulerHostedService> logger) : IHostedService
{
    private IScheduler? scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = schedules.Value;
        var properties = ClusteredScheduler.Properties(incidents.Value.ConnectionString, o.SchedulerName,
            $"{Environment.MachineName}-{Environment.ProcessId}", o.ClusterCheckinInterval);
        scheduler = await ClusteredScheduler.CreateAsync(properties, new ServiceProviderJobFactory(services), cancellationToken);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(o.TimeZone);
        await ScheduleAsync<DailyDigestJob>(o.DailyDigestCron, zone, cancellationToken);
        await ScheduleAsync<WeeklyDigestJob>(o.WeeklyDigestCron, zone, cancellationToken);
        await ScheduleAsync<PostmortemReminderJob>(o.PostmortemReminderCron, zone, cancellationToken);
        await ScheduleAsync<AutoResolveJob>(o.AutoResolveCron, zone, cancellationToken);
        await scheduler.Start(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (scheduler is not null)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }

    /// <summary>Replaces the job's trigger so a changed cron in configuration takes effect on the next start.</summary>
    private async Task ScheduleAsync<TJob>(string cron, TimeZoneInfo zone, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var name = typeof(TJob).Name;
        if (string.IsNullOrWhiteSpace(cron))
        {
            await scheduler!.DeleteJob(new JobKey(name, "incidents"), cancellationToken);
            return;
        }

        var job = JobBuilder.Create<TJob>().WithIdentity(name, "incidents").StoreDurably().Build();
        var trigger = TriggerBuilder.Create().WithIdentity(name, "incidents").ForJob(job)
            .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)).Build();
        await scheduler!.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        logger.LogInformation("Scheduled {Job} with cron {Cron}", name, cron);
    }
}
