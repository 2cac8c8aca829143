using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Bot.LocalConsole;
using Nginx502Bot.Bot.Slack;

namespace Nginx502Bot.Bot.Hosting;

/// <summary>The bot's one composition root: every service the <c>serve</c> host needs is registered here.</summary>
public static class BotServiceCollectionExtensions
{
    public static IServiceCollection AddBotServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddChat().AddDispatch(configuration).AddChatCommands();
        if (configuration.HasSlackCredentials())
        {
            services.AddSlack(configuration);
        }
        else
        {
            services.AddConsole(configuration);
        }

        services.AddHealthChecks();
        return services;
    }
}
