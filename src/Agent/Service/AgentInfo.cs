using System.Reflection;

namespace Nginx502Bot.Agent.Service;

/// <summary>Version and host name reported by Health, GetInventory and Diagnose.</summary>
public static class AgentInfo
{
    public static string Version { get; } =
        typeof(AgentInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static string Hostname => Environment.MachineName;
}
