using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Agent.Json;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Agent.Service;

namespace Nginx502Bot.Agent.Cli;

/// <summary>
/// <c>probe</c>: one local diagnosis printed as JSON on stdout, no network listener. Options override configuration
/// so operators and tests can point it at a fixture tree, a lab nginx (<c>-c</c>/<c>-p</c>) and an error log.
/// Exit status: 0 no upstream failure found, 1 findings, 2 bad usage.
/// </summary>
public static class ProbeCommand
{
    /// <summary>Path options and the configuration keys (under <c>Agent:</c>) they set.</summary>
    private static readonly (string Option, string Key, string Help)[] Settings =
    [
        ("--root", "Root", "read host paths below this directory"),
        ("--proc-root", "ProcRoot", "where /proc is read from"),
        ("--etc-root", "EtcRoot", "where /etc is read from"),
        ("--sys-root", "SysRoot", "where /sys is read from"),
        ("--log-root", "LogRoot", "where /var/log is read from"),
        ("--nginx-config", "NginxConfigPath", "only this nginx configuration (-c of the instance)"),
        ("--nginx-prefix", "NginxPrefix", "prefix (-p) for --nginx-config when it is not running"),
        ("--error-log", "ErrorLogPath", "error log to read instead of the configured ones"),
        ("--audit-log", "AuditLogPath", "SELinux audit log"),
    ];

    private static readonly CliOption[] Filters =
    [
        new("--upstream", "only findings for this target (127.0.0.1:8000, unix:/run/x.sock, upstream name)"),
        new("--server-name", "only findings for this server_name"),
        new("--excerpt", "file with error-log lines to analyse with the host's own"),
        new("--since-minutes", "window: the last N minutes (default from configuration)", CliValueKind.WholeNumber),
        new("--from", "window start, local time (e.g. 2026-03-01T09:00)", CliValueKind.DateTime),
        new("--to", "window end, local time", CliValueKind.DateTime),
        new("--no-direct", "do not connect to targets", CliValueKind.Flag),
        new("--no-exec", "do not run nginx -V or systemctl", CliValueKind.Flag),
    ];

    public static AgentCommand Create(Func<IReadOnlyDictionary<string, string?>, IServiceProvider> buildServices)
    {
        var options = new List<CliOption>();
        foreach (var s in Settings) { options.Add(new CliOption(s.Option, s.Help)); }
        options.AddRange(Filters);
        return new AgentCommand("probe", "Run every probe once on this host and print evidence and conclusions as JSON.", options,
            (args, ct) => RunAsync(args, buildServices, ct));
    }

    private static async Task<int> RunAsync(CliArguments args, Func<IReadOnlyDictionary<string, string?>, IServiceProvider> buildServices, CancellationToken ct)
    {
        // Paths typed on the command line are relative to the working directory; configuration wants them absolute.
        var overrides = new Dictionary<string, string?>();
        foreach (var s in Settings)
        {
            if (args.Text(s.Option) is { } path) { overrides["Agent:" + s.Key] = Path.GetFullPath(path); }
        }

        if (args.Flag("--no-direct")) { overrides["Agent:DirectProbes"] = "false"; }
        if (args.Flag("--no-exec")) { overrides["Agent:ExecNginx"] = "false"; overrides["Agent:UseSystemctl"] = "false"; }
        if (args.WholeNumber("--since-minutes") is { } minutes) { overrides["Agent:DefaultWindowMinutes"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture); }
        var query = new DiagnoseQuery
        {
            UpstreamTarget = args.Text("--upstream"),
            ServerName = args.Text("--server-name"),
            WindowStart = args.DateTime("--from"),
            WindowEnd = args.DateTime("--to"),
            ErrorLogExcerpt = args.Text("--excerpt") is { } f ? await File.ReadAllTextAsync(new FileInfo(f).FullName, ct) : null,
            CorrelationId = "cli-" + Guid.NewGuid().ToString("N")[..12],
        };
        return await RunAsync(buildServices(overrides), query, ct);
    }

    public static async Task<int> RunAsync(IServiceProvider services, DiagnoseQuery query, CancellationToken ct)
    {
        DiagnosisReport report;
        try
        {
            report = await services.GetRequiredService<DiagnosisService>().DiagnoseAsync(query, null, ct);
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("nginx502bot-agent: " + string.Join(Environment.NewLine + "nginx502bot-agent: ", e.Failures));
            return 2;
        }

        // In memory, then written at once: the serialization-only context writes through its fast path (see AgentJsonContext).
        var json = JsonSerializer.SerializeToUtf8Bytes(report, AgentJsonContext.Default.DiagnosisReport);
        await using var stdout = Console.OpenStandardOutput();
        await stdout.WriteAsync(json, ct);
        await stdout.WriteAsync("\n"u8.ToArray(), ct);
        return report.Findings.Count > 0 ? 1 : 0;
    }

    /// <summary>Configuration for one-shot commands: appsettings.json, environment (NGINX502BOT_Agent__Root), then the command's options.</summary>
    public static IServiceProvider BuildServices(IReadOnlyDictionary<string, string?> overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables("NGINX502BOT_")
            .AddInMemoryCollection(overrides)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddConfiguration(configuration.GetSection("Logging"))
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
        services.AddAgentServices(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
