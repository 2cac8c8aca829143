using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nginx502Bot.Agent.Bench;

/// <summary>The agent's composition root (<c>AddAgentServices</c>) in the bench process, logging warnings only.</summary>
public static class InProcessAgent
{
    public static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddAgentServices(configuration);
        return services.BuildServiceProvider();
    }
}
