using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Slack;

/// <summary>Registers the Slack channel. Call <c>AddChat()</c>, <c>AddDispatch()</c> and <c>AddChatCommands()</c> too.</summary>
public static class SlackServiceCollectionExtensions
{
    /// <summary>True when the configuration has Slack credentials; otherwise the composition root serves the console.</summary>
    public static bool HasSlackCredentials(this IConfiguration configuration) =>
        configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>()?.IsConfigured == true;

    /// <summary>Options (validated at start), Web API client, inbound handling, and the Socket Mode service when enabled.</summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SlackOptions.SectionName);
        services.AddOptions<SlackOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // One long-lived client: pooled connections are recycled every 5 minutes so DNS changes are picked up.
        services.TryAddSingleton(sp => new SlackWebApiClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(30) },
            sp.GetRequiredService<IOptions<SlackOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SlackSignatureVerifier>();
        services.TryAddSingleton<SlackFileUploads>();
        services.TryAddSingleton<SlackReplierFactory>();
        services.TryAddSingleton<SlackInboundHandler>();
        services.TryAddSingleton<SlackSignatureFilter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatChannel, SlackChatChannel>());
        if (section.GetValue<bool>(nameof(SlackOptions.UseSocketMode)))
        {
            services.TryAddSingleton<SlackSocketModeService>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, SlackSocketModeService>(sp => sp.GetRequiredService<SlackSocketModeService>()));
        }

        return services;
    }
}
