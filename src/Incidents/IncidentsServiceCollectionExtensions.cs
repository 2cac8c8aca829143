using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Chat;
using Nginx502Bot.Incidents.Configuration;
using Nginx502Bot.Incidents.Digests;
using Nginx502Bot.Incidents.Jobs;
using Nginx502Bot.Incidents.Lifecycle;
using Nginx502Bot.Incidents.Migrations;
using Nginx502Bot.Incidents.Outbox;
using Nginx502Bot.Incidents.Pages;
using Nginx502Bot.Incidents.Postmortems;
using Nginx502Bot.Incidents.Storage;
using Npgsql;

namespace Nginx502Bot.Incidents;

/// <summary>The composition root of the incidents feature; the bot calls it once and implements <see cref="IChatPoster"/>.</summary>
public static class IncidentsServiceCollectionExtensions
{
    /// <summary>Environment variable read when <c>Incidents:ConnectionString</c> is empty.</summary>
    public const string ConnectionStringVariable = "NGINX502BOT_DB";

    /// <summary>
    /// Registers storage, the lifecycle, the outbox, post-mortems, digests, pages and (when
    /// <c>Incidents:Schedules:Enabled</c>) the clustered Quartz scheduler. The caller must register an
    /// <see cref="IChatPoster"/> for the jobs' output.
    /// </summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IncidentsOptions>().Bind(configuration.GetSection(IncidentsOptions.SectionName))
            .PostConfigure(o => o.ConnectionString = ResolveConnectionString(o.ConnectionString))
            .Validate(o => o.ConnectionString.Length > 0, $"Incidents:ConnectionString or {ConnectionStringVariable} is required")
            .Validate(o => o.OutboxMaxEntries > 0 && o.OutboxMaxBytes > 0, "Outbox bounds must be positive")
            .ValidateOnStart();
        services.AddOptions<SchedulesOptions>().Bind(configuration.GetSection(SchedulesOptions.SectionName))
            .Validate(o => o.DigestChannels.TrueForAll(c => c.Length > 0), "Digest channels must not be empty strings")
            .ValidateOnStart();
        services.AddOptions<PagesOptions>().Bind(configuration.GetSection(PagesOptions.SectionName));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => NpgsqlDataSource.Create(sp.GetRequiredService<IOptions<IncidentsOptions>>().Value.ConnectionString));
        AddStorageAndLifecycle(services);
        AddReports(services);
        AddScheduling(services, configuration);
        return services;
    }

    private static void AddStorageAndLifecycle(IServiceCollection services)
    {
        services.TryAddSingleton<MigrationRunner>();
        services.TryAddSingleton<IncidentRepository>();
        services.TryAddSingleton<TimelineRepository>();
        services.TryAddSingleton<DeliveryDedupeRepository>();
        services.TryAddSingleton<ChannelOptOutRepository>();
        services.TryAddSingleton<TeamsConversationRepository>();
        services.TryAddSingleton<DigestRepository>();
        services.TryAddSingleton<FileOutbox>();
        services.TryAddSingleton<IncidentCache>();
        services.TryAddSingleton<IncidentStore>();
        services.TryAddSingleton<EventFactory>();
        services.TryAddSingleton<IncidentService>();
        services.AddHostedService<MigrationHostedService>();
        services.AddHostedService<OutboxFlushService>();
    }

    private static void AddReports(IServiceCollection services)
    {
        services.TryAddSingleton<PostmortemBuilder>();
        services.TryAddSingleton<DigestService>();
        services.TryAddSingleton<ReminderService>();
        services.TryAddSingleton<AutoResolveService>();
        services.TryAddSingleton<SignedLinks>();
        services.TryAddSingleton<IncidentPages>();
    }

    private static void AddScheduling(IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddTransient<DailyDigestJob>();
        services.TryAddTransient<WeeklyDigestJob>();
        services.TryAddTransient<PostmortemReminderJob>();
        services.TryAddTransient<AutoResolveJob>();
        services.TryAddTransient<PruneDeliveriesJob>();
        if (configuration.GetSection(SchedulesOptions.SectionName).GetValue(nameof(SchedulesOptions.Enabled), true))
        {
            services.AddHostedService<SchedulerHostedService>();
        }
    }

    private static string ResolveConnectionString(string configured) =>
        configured.Length > 0 ? configured : Environment.GetEnvironmentVariable(ConnectionStringVariable) ?? "";
}
