using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nginx502Bot.Bot.Dispatch;

/// <summary>Registers the fan-out. The agent transport replaces <see cref="IAgentDirectory"/> and <see cref="IAgentDiagnoser"/>.</summary>
public static class DispatchServiceCollectionExtensions
{
    public static IServiceCollection AddDispatch(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DispatchOptions>()
            .Bind(configuration.GetSection(DispatchOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAgentDirectory, EmptyAgentDirectory>();
        services.TryAddSingleton<IAgentDiagnoser, UnavailableAgentDiagnoser>();
        services.TryAddSingleton<AgentFanOut>();
        return services;
    }
}
