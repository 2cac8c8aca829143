using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Agent.Service;

namespace Nginx502Bot.Agent.Tests.Support;

/// <summary>The agent's real composition root pointed at a root directory, with no exec and (by default) no direct probes.</summary>
public static class AgentHarness
{
    /// <summary>The fixture logs are from 2026-03-01 around 10:00 local time.</summary>
    public static readonly DateTime WindowStart = new(2026, 3, 1, 0, 0, 0);
    public static readonly DateTime WindowEnd = new(2026, 3, 2, 0, 0, 0);

    /// <summary>The harness clock (UTC).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static ServiceProvider Build(string root, bool direct = false, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Agent:Root"] = root,
            ["Agent:DirectProbes"] = direct ? "true" : "false",
            ["Agent:ExecNginx"] = "false",
            ["Agent:UseSystemctl"] = "false",

            // The probes' own time cap is tested in ProbeRunnerTests; here a loaded 2-core machine (listeners walking
            // /proc of every process) must not turn the default 2 s into a timed-out probe and a failed diagnosis.
            ["Agent:ProbeTimeoutMs"] = "20000",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string?>()) { settings[k] = v; }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddAgentServices(configuration);
        services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        return services.BuildServiceProvider();
    }

    public static Task<DiagnosisReport> DiagnoseAsync(ServiceProvider services, DiagnoseQuery? query = null) =>
        services.GetRequiredService<DiagnosisService>().DiagnoseAsync(
            query ?? new DiagnoseQuery { WindowStart = WindowStart, WindowEnd = WindowEnd }, null, CancellationToken.None);
}
