using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Teams;

/// <summary>Registers the Teams channel. Call <c>AddChat()</c>, <c>AddDispatch()</c> and <c>AddChatCommands()</c> too.</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>True when the configuration names a Teams app id.</summary>
    public static bool HasTeamsCredentials(this IConfiguration configuration) =>
        configuration.GetSection(TeamsOptions.SectionName).Get<TeamsOptions>()?.IsConfigured == true;

    /// <summary>
    /// Options (validated at start), token validation with cached signing keys, the connector client with its token
    /// cache, inbound handling and the replier. Does nothing when <c>Teams:AppId</c> is empty, so
    /// <see cref="TeamsEndpoints.MapTeamsEndpoints"/> then maps nothing either.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.HasTeamsCredentials())
        {
            return services;
        }

        services.AddOptions<TeamsOptions>().Bind(configuration.GetSection(TeamsOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new BotFrameworkSigningKeys(NewHttpClient(), sp.GetRequiredService<IOptions<TeamsOptions>>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<BotFrameworkSigningKeys>>()));
        services.TryAddSingleton(sp => new BotFrameworkTokenProvider(NewHttpClient(), sp.GetRequiredService<IOptions<TeamsOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new TeamsConnectorClient(NewHttpClient(), sp.GetRequiredService<BotFrameworkTokenProvider>(),
            sp.GetRequiredService<ServiceUrlPolicy>(), sp.GetRequiredService<IOptions<TeamsOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<BotFrameworkTokenValidator>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<TeamsConversationDirectory>();
        services.TryAddSingleton<TeamsChatReplier>();
        services.TryAddSingleton<ITeamsActivityHandler, TeamsInboundHandler>();
        services.TryAddSingleton<BotFrameworkAuthFilter>();
        services.TryAddSingleton<TeamsChannel>();
        return services;
    }

    /// <summary>Long-lived clients; pooled connections are recycled every 5 minutes so DNS changes are picked up.</summary>
    private static HttpClient NewHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) };
}
