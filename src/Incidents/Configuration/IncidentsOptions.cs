namespace Nginx502Bot.Incidents.Configuration;

/// <summary>
/// Incident storage and lifecycle settings, bound from the <c>Incidents</c> section.
/// Defaults: join window 2 h, reopen window 24 h, stale after 24 h, outbox at most 10,000 entries / 64 MiB.
/// </summary>
public sealed class IncidentsOptions
{
    public const string SectionName = "Incidents";

    /// <summary>Npgsql connection string; falls back to the <c>NGINX502BOT_DB</c> environment variable.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>A report joins a live incident for the same upstream or virtual host touched within this window.</summary>
    public TimeSpan JoinWindow { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A report for a resolved incident's upstream or virtual host within this window reopens it.</summary>
    public TimeSpan ReopenWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Live incidents without any activity for this long are resolved by the auto-resolve job.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Resolved incidents without a post-mortem for this long get a reminder.</summary>
    public TimeSpan PostmortemReminderAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>Directory of the durable local outbox (one instance per directory).</summary>
    public string OutboxDirectory { get; set; } = ".run/outbox";

    public int OutboxMaxEntries { get; set; } = 10_000;

    public long OutboxMaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How often the outbox retries the database while it holds entries.</summary>
    public TimeSpan OutboxRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Run migrations when the host starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
