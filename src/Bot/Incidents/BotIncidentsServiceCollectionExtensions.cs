using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Teams;
using Nginx502Bot.Incidents;
using Nginx502Bot.Incidents.Chat;
using Nginx502Bot.Incidents.Configuration;

namespace Nginx502Bot.Bot.Incidents;

/// <summary>
/// Connects the chat layer to incidents when a database is configured: the incidents feature itself
/// (<see cref="IncidentsServiceCollectionExtensions.AddIncidents"/>), and in place of the chat defaults the incident
/// commands over PostgreSQL, the shared delivery deduplicator, channel opt-outs, Teams conversation addresses and the
/// poster for digests and reminders.
/// </summary>
public static class BotIncidentsServiceCollectionExtensions
{
    /// <summary>True when <c>Incidents:ConnectionString</c> or the <c>NGINX502BOT_DB</c> environment variable is set.</summary>
    public static bool HasIncidentsDatabase(this IConfiguration configuration) =>
        ConnectionString(configuration).Length > 0;

    public static string ConnectionString(IConfiguration configuration) =>
        configuration[$"{IncidentsOptions.SectionName}:{nameof(IncidentsOptions.ConnectionString)}"] is { Length: > 0 } configured
            ? configured
            : Environment.GetEnvironmentVariable(IncidentsServiceCollectionExtensions.ConnectionStringVariable) ?? "";

    /// <param name="defaultPagesBaseUrl">Where pages are served when <c>Incidents:Pages:BaseUrl</c> is not set (the console's own URL).</param>
    public static IServiceCollection AddBotIncidents(this IServiceCollection services, IConfiguration configuration, string? defaultPagesBaseUrl)
    {
        services.AddIncidents(configuration);
        if (defaultPagesBaseUrl is not null && string.IsNullOrEmpty(configuration[$"{PagesOptions.SectionName}:{nameof(PagesOptions.BaseUrl)}"]))
        {
            services.PostConfigure<PagesOptions>(o => o.BaseUrl = defaultPagesBaseUrl);
        }

        services.AddOptions<IncidentChatOptions>().Bind(configuration.GetSection(IncidentChatOptions.SectionName))
            .Validate(o => o.TimelineInChat > 0, "Incidents:Chat:TimelineInChat must be positive")
            .Validate(o => TryZone(o), "Incidents:Chat:LogTimeZone is not a known time zone id")
            .ValidateOnStart();
        services.TryAddSingleton<IncidentAnswerRecorder>();
        services.TryAddSingleton<IncidentReplies>();
        services.TryAddSingleton<InMemoryDeliveryDeduplicator>();
        services.RemoveAll<IIncidentCommands>().AddSingleton<IIncidentCommands, PostgresIncidentCommands>();
        services.RemoveAll<IDeliveryDeduplicator>().AddSingleton<IDeliveryDeduplicator, PostgresDeliveryDeduplicator>();
        services.RemoveAll<IChannelOptOut>().AddSingleton<IChannelOptOut, PostgresChannelOptOut>();
        services.RemoveAll<ITeamsConversationStore>().AddSingleton<ITeamsConversationStore, PostgresTeamsConversationStore>();
        services.RemoveAll<IChatPoster>().AddSingleton<IChatPoster, ChatChannelPoster>();
        return services;
    }

    private static bool TryZone(IncidentChatOptions options)
    {
        try
        {
            options.ResolveLogTimeZone();
            return true;
        }
        catch (TimeZoneNotFoundException)
        {
            return false;
        }
        catch (InvalidTimeZoneException)
        {
            return false;
        }
    }
}
