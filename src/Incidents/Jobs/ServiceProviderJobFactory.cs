using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Quartz.Extensibility;

namespace Nginx502Bot.Incidents.Jobs;

/// <summary>Builds each fired job in its own DI scope from the application's container, disposed when the job returns.</summary>
public sealed class ServiceProviderJobFactory(IServiceProvider services) : IJobFactory
{
    public ValueTask<JobScope> CreateJob(TriggerFiredBundle bundle, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        var scope = services.CreateAsyncScope();
        var job = (IJob)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, bundle.JobDetail.JobType.Type);
        return ValueTask.FromResult(new JobScope(job, scope));
    }

    public async ValueTask ReturnJob(JobScope scope, CancellationToken cancellationToken = default)
    {
        if (scope.State is AsyncServiceScope serviceScope)
        {
            await serviceScope.DisposeAsync();
        }
    }
}
