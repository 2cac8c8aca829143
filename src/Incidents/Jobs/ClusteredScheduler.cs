using System.Collections.Specialized;
using Quartz;
using Quartz.Extensibility;

namespace Nginx502Bot.Incidents.Jobs;

/// <summary>
/// Builds a Quartz scheduler on the clustered ADO job store in the incidents database: every replica with the same
/// scheduler name shares triggers, and the store's row locks make each firing run on one node only.
/// </summary>
public static class ClusteredScheduler
{
    /// <summary>The flat Quartz properties: ADO job store, PostgreSQL delegate, Npgsql data source, clustered, STJ serializer.</summary>
    public static NameValueCollection Properties(string connectionString, string schedulerName, string instanceId, TimeSpan checkinInterval) => new()
    {
        ["quartz.scheduler.instanceName"] = schedulerName,
        ["quartz.scheduler.instanceId"] = instanceId,
        ["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz",
        ["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz",
        ["quartz.jobStore.tablePrefix"] = "qrtz_",
        ["quartz.jobStore.dataSource"] = "incidents",
        ["quartz.dataSource.incidents.connectionString"] = connectionString,
        ["quartz.dataSource.incidents.provider"] = "Npgsql",
        ["quartz.jobStore.clustered"] = "true",
        ["quartz.jobStore.clusterCheckinInterval"] = ((long)checkinInterval.TotalMilliseconds).ToString(),
        ["quartz.serializer.type"] = "stj",
        ["quartz.threadPool.maxConcurrency"] = "2",
    };

    /// <summary>Builds (does not start) a scheduler whose jobs come from <paramref name="jobFactory"/>.</summary>
    public static async Task<IScheduler> CreateAsync(NameValueCollection properties, IJobFactory jobFactory, CancellationToken cancellationToken)
    {
        var builder = QuartzSchedulerBuilder.Create(q => q.UseJobFactory(jobFactory)).UseProperties(properties);
        return await builder.BuildScheduler(cancellationToken);
    }
}
