using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Nginx502Bot.Bot.Chat;

/// <summary>Registers the channel-neutral chat plumbing every channel relies on.</summary>
public static class ChatServiceCollectionExtensions
{
    /// <summary>Work queue and its workers, the in-memory deduplicator (replace it with a shared one), TimeProvider.</summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChatBackgroundWork>();
        services.TryAddSingleton<IDeliveryDeduplicator, InMemoryDeliveryDeduplicator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChatBackgroundWorker>());
        return services;
    }
}
