using Nginx502Bot.Incidents.Digests;
using Quartz;

namespace Nginx502Bot.Incidents.Jobs;

/// <summary>Reminds about resolved incidents without a post-mortem. Never concurrent: a second run at once could post twice.</summary>
[DisallowConcurrentExecution]
public sealed class PostmortemReminderJob(ReminderService reminders) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await reminders.RemindAsync(cancellationToken);
}
