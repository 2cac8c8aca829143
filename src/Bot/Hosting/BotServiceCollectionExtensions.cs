using Nginx502Bot.Bot.Agents;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Bot.Incidents;
using Nginx502Bot.Bot.LocalConsole;
using Nginx502Bot.Bot.Slack;
using Nginx502Bot.Bot.Teams;

namespace Nginx502Bot.Bot.Hosting;

/// <summary>The bot's one composition root: every service the <c>serve</c> host needs is registered here.</summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>True when Slack or Teams is configured; otherwise the bot serves the local console on loopback.</summary>
    public static bool HasChatCredentials(this IConfiguration configuration) =>
        configuration.HasSlackCredentials() || configuration.HasTeamsCredentials();

    public static IServiceCollection AddBotServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddChat().AddDispatch(configuration).AddChatCommands();
        var slack = configuration.HasSlackCredentials();
        if (slack)
        {
            services.AddSlack(configuration);
        }

        // Teams registers nothing without Teams:AppId.
        services.AddTeams(configuration);
        if (!configuration.HasChatCredentials())
        {
            services.AddConsole(configuration);
        }

        // Without a database everything above works as it is: incidents say they need one, dedupe is in memory.
        if (configuration.HasIncidentsDatabase())
        {
            services.AddBotIncidents(configuration, configuration.HasChatCredentials() ? null : ConsoleUrl(configuration));
        }

        // Host agents over gRPC; without Agents:Endpoints the defaults say no agents are configured.
        services.AddAgents(configuration);
        services.AddHealthChecks();
        return services;
    }

    /// <summary>The console's URL, so signed incident links point at the page a local user can open.</summary>
    public static string ConsoleUrl(IConfiguration configuration) =>
        (configuration.GetSection(ConsoleOptions.SectionName).Get<ConsoleOptions>() ?? new ConsoleOptions()).Url;
}
