using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Dispatch;
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
        if (configuration.HasSlackCredentials())
        {
            services.AddSlack(configuration);
        }

        // Teams registers nothing without Teams:AppId.
        services.AddTeams(configuration);
        if (!configuration.HasChatCredentials())
        {
            services.AddConsole(configuration);
        }

        services.AddHealthChecks();
        return services;
    }
}
