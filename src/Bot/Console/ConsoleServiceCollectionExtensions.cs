using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>Registers the local console (used when Slack has no credentials).</summary>
public static class ConsoleServiceCollectionExtensions
{
    public static IServiceCollection AddConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>()
            .Bind(configuration.GetSection(ConsoleOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ConsoleTranscript>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IChatChannel, ConsoleChatChannel>());
        return services;
    }
}
