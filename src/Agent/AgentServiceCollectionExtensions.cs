using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nginx502Bot.Agent.Host;
using Nginx502Bot.Agent.Options;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Agent.Service;

namespace Nginx502Bot.Agent;

/// <summary>The agent's one composition root: options, host access, probes in run order, services.</summary>
public static class AgentServiceCollectionExtensions
{
    public static IServiceCollection AddAgentServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgentOptions>().Bind(configuration.GetSection(AgentOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<HostFileSystem>();
        services.AddSingleton<ProcessRunner>();

        // Caches shared by every diagnosis: the parsed configuration (checked against file stamps on every call) and
        // socket owners (a few seconds).
        services.AddSingleton<NginxConfigCache>();
        services.AddSingleton<SocketOwnerCache>();

        // Registration order is the order of the records; ProbeStage says which probes wait for which (targets come from
        // the configuration, per-target work needs listeners and the error log's findings).
        services.AddSingleton<IProbe, NginxDiscoveryProbe>();
        services.AddSingleton<IProbe, NginxConfigProbe>();
        services.AddSingleton<IProbe, WorkerUserProbe>();
        services.AddSingleton<IProbe, ListenersProbe>();
        services.AddSingleton<IProbe, PhpFpmPoolProbe>();
        services.AddSingleton<IProbe, UnixSocketProbe>();
        services.AddSingleton<IProbe, DirectTargetProbe>();
        services.AddSingleton<IProbe, ServiceStateProbe>();
        services.AddSingleton<IProbe, PhpFpmLogProbe>();
        services.AddSingleton<IProbe, KernelLogProbe>();
        services.AddSingleton<IProbe, SelinuxProbe>();
        services.AddSingleton<IProbe, FdLimitsProbe>();
        services.AddSingleton<IProbe, EphemeralPortProbe>();
        services.AddSingleton<IProbe, ErrorLogProbe>();
        services.AddSingleton<ProbeRunner>();
        services.AddSingleton<DiagnosisService>();
        services.AddSingleton<AgentService>();
        return services;
    }
}
