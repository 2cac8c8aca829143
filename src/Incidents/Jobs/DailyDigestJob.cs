using Nginx502Bot.Incidents.Digests;
using Quartz;

namespace Nginx502Bot.Incidents.Jobs;

/// <summary>Posts the daily digest to every configured channel. Never concurrent: a second run at once could post twice.</summary>
[DisallowConcurrentExecution]
public sealed class DailyDigestJob(DigestService digests) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await digests.PostAsync(DigestPeriod.Daily, cancellationToken);
}
