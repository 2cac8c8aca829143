using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Nginx502Bot.Agent;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Agent.Service;
using Nginx502Bot.Lab;
using Nginx502Bot.Lab.Run;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.EndToEnd.Tests.Support;

/// <summary>
/// Starts the real-nginx lab once for the collection (only the scenarios these tests use) and the agent's real
/// composition root pointed at it: the lab's nginx.conf and prefix, its error log, and this machine's /proc.
/// Dispose stops every lab process by PID and deletes the prefix.
/// </summary>
public sealed class LabAgentFixture : IAsyncLifetime
{
    /// <summary>Every scenario a test here requests; the lab lays out only these.</summary>
    public static readonly string[] ScenarioNames =
    [
        "nothing_listening", "wrong_port", "unix_socket_missing", "unix_socket_permission", "unix_socket_stale",
        "https_to_plain_http", "http_to_tls", "http_to_non_http", "fastcgi_to_http", "grpc_to_http1", "no_live_upstreams",
        "header_too_big", "php_worker_killed", "gunicorn_worker_timeout", "read_timeout",
    ];

    private LabEnvironment? _lab;
    private ServiceProvider? _agent;

    public LabEnvironment Lab => _lab ?? throw new InvalidOperationException("lab not started");

    public string ConfigPath => Path.Combine(Lab.Targets.Directory, "nginx.conf");

    /// <summary>The agent settings that point it at this lab (the same for in-process diagnosis and <c>serve</c>).</summary>
    public Dictionary<string, string?> AgentSettings() => new()
    {
        ["Agent:Root"] = "/",
        ["Agent:ProcRoot"] = "/proc",
        ["Agent:NginxConfigPath"] = ConfigPath,
        ["Agent:NginxPrefix"] = Lab.Targets.Directory,
        ["Agent:ErrorLogPath"] = Lab.Nginx.ErrorLog,
        ["Agent:UseSystemctl"] = "false",
        ["Agent:DirectProbes"] = "true",
        ["Agent:ExecNginx"] = "true",
        // The lab has some twenty upstreams, several of which never answer: give the direct probe room to finish
        // (its default 2 s budget can cut it short on a loaded machine and lose the protocol evidence).
        ["Agent:ProbeTimeoutMs"] = "6000",
    };

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _lab = await LabEnvironment.StartAsync([.. ScenarioNames.Select(LabScenarioCatalog.Get)], timeout.Token);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AgentSettings()).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddAgentServices(configuration);
        _agent = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>
    /// Requests the scenario, then runs the agent's diagnosis over the window of the run, with the companion log lines
    /// (PHP-FPM, gunicorn) as the pasted excerpt: the agent reads nginx's error log itself.
    /// </summary>
    public async Task<(LabResult Run, DiagnosisReport Report)> RunAndDiagnoseAsync(string scenario, CancellationToken cancellationToken)
    {
        // nginx stamps local time to the second: the window starts at the second the run began.
        var start = DateTime.Now.AddTicks(-(DateTime.Now.Ticks % TimeSpan.TicksPerSecond));
        var run = await Lab.RunAsync(scenario, cancellationToken);
        var query = new DiagnoseQuery
        {
            WindowStart = start,
            WindowEnd = DateTime.Now.AddSeconds(1),
            ErrorLogExcerpt = run.CompanionLines.Count > 0 ? string.Join('\n', run.CompanionLines) : null,
            CorrelationId = "e2e-" + scenario,
        };
        var report = await _agent!.GetRequiredService<DiagnosisService>().DiagnoseAsync(query, null, cancellationToken);
        return (run, report);
    }

    public async Task DisposeAsync()
    {
        if (_agent is not null)
        {
            await _agent.DisposeAsync();
        }

        _lab?.Dispose();
    }
}
