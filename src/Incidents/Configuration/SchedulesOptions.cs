namespace Nginx502Bot.Incidents.Configuration;

/// <summary>
/// Quartz schedules (cron, Quartz syntax with seconds) and where digests go, bound from <c>Incidents:Schedules</c>.
/// Empty cron disables that job. Times are interpreted in <see cref="TimeZone"/> (default UTC).
/// </summary>
public sealed class SchedulesOptions
{
    public const string SectionName = "Incidents:Schedules";

    public bool Enabled { get; set; } = true;

    /// <summary>Quartz scheduler name; every replica sharing the database must use the same one.</summary>
    public string SchedulerName { get; set; } = "nginx502bot";

    public string DailyDigestCron { get; set; } = "0 0 9 * * ?";

    public string WeeklyDigestCron { get; set; } = "0 0 9 ? * MON";

    public string PostmortemReminderCron { get; set; } = "0 0 10 * * ?";

    public string AutoResolveCron { get; set; } = "0 */15 * * * ?";

    /// <summary>Forgets chat delivery claims older than a day (Slack retries for minutes).</summary>
    public string PruneDeliveriesCron { get; set; } = "0 7 * * * ?";

    public string TimeZone { get; set; } = "UTC";

    /// <summary>Channels that receive the daily and weekly digests.</summary>
    public List<string> DigestChannels { get; set; } = [];

    /// <summary>Channel for reminders about incidents that have no channel of their own.</summary>
    public string? DefaultChannel { get; set; }

    /// <summary>Cluster check-in interval; another node takes over a dead node's triggers after a few of these.</summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);
}
