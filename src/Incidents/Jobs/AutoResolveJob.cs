using Nginx502Bot.Incidents.Digests;
using Quartz;

namespace Nginx502Bot.Incidents.Jobs;

/// <summary>Resolves incidents with no activity for the configured time. Never concurrent: a second run at once could post twice.</summary>
[DisallowConcurrentExecution]
public sealed class AutoResolveJob(AutoResolveService service) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await service.ResolveStaleAsync(cancellationToken);
}
