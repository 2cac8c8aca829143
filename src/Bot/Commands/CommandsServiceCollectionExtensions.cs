using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Nginx502Bot.Bot.Commands;

/// <summary>Registers the <c>/502</c> handlers and their defaults (incidents off, opt-outs in memory).</summary>
public static class CommandsServiceCollectionExtensions
{
    public static IServiceCollection AddChatCommands(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIncidentCommands, NoDatabaseIncidentCommands>();
        services.TryAddSingleton<IChannelOptOut, InMemoryChannelOptOut>();
        services.TryAddSingleton<RerunMemory>();
        services.TryAddSingleton<DiagnosisService>();
        services.TryAddSingleton<ChatCommandRouter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, HelpHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, DiagnoseHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, AgentsHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, IncidentsHandler>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ICommandHandler, OptOutHandler>());
        return services;
    }
}
