using System.Collections.Concurrent;
using Quartz;

namespace Nginx502Bot.Incidents.Tests;

/// <summary>Records which scheduler instance ran which scheduled firing, per test run.</summary>
[DisallowConcurrentExecution]
public sealed class CountingJob : IJob
{
    public static ConcurrentDictionary<string, ConcurrentQueue<(string Instance, DateTimeOffset Scheduled)>> Runs { get; } = new();

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var run = context.MergedJobDataMap.GetString("run")!;
        Runs.GetOrAdd(run, _ => new()).Enqueue((context.Scheduler.SchedulerInstanceId, context.ScheduledFireTimeUtc ?? default));
        return ValueTask.CompletedTask;
    }
}
