using Microsoft.Extensions.DependencyInjection.Extensions;
using Nginx502Bot.Bot.Dispatch;

namespace Nginx502Bot.Bot.Agents;

/// <summary>Registers the gRPC agent directory and diagnoser when <c>Agents:Endpoints</c> lists any agent.</summary>
public static class AgentsServiceCollectionExtensions
{
    public static bool HasAgents(this IConfiguration configuration) =>
        configuration.GetSection(AgentsOptions.SectionName).GetSection(nameof(AgentsOptions.Endpoints)).GetChildren().Any();

    public static IServiceCollection AddAgents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentsOptions>().Bind(configuration.GetSection(AgentsOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        if (!configuration.HasAgents())
        {
            return services;
        }

        services.TryAddSingleton<AgentRegistry>();
        services.RemoveAll<IAgentDirectory>();
        services.RemoveAll<IAgentDiagnoser>();
        services.AddSingleton<IAgentDirectory, GrpcAgentDirectory>();
        services.AddSingleton<IAgentDiagnoser, GrpcAgentDiagnoser>();
        return services;
    }
}
