using Nginx502Bot.Incidents.Storage;
using Quartz;

namespace Nginx502Bot.Incidents.Jobs;

/// <summary>Keeps chat_deliveries small: claims older than a day can no longer be retried by Slack.</summary>
[DisallowConcurrentExecution]
public sealed class PruneDeliveriesJob(DeliveryDedupeRepository deliveries) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await deliveries.PruneAsync(TimeSpan.FromDays(1), cancellationToken);
}
