using System.CommandLine;
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

    public static Command Create(Func<IReadOnlyDictionary<string, string?>, IServiceProvider> buildServices)
    {
        var command = new Command("probe", "Run every probe once on this host and print evidence and conclusions as JSON.");
        // Arrays and loops over the settings table: LINQ over its tuples would add AOT instantiations (docs/agent.md).
        var settings = new Option<string?>[Settings.Length];
        for (var i = 0; i < Settings.Length; i++) { settings[i] = new Option<string?>(Settings[i].Option) { Description = Settings[i].Help }; }
        var upstream = new Option<string?>("--upstream") { Description = "only findings for this target (127.0.0.1:8000, unix:/run/x.sock, upstream name)" };
        var server = new Option<string?>("--server-name") { Description = "only findings for this server_name" };
        var excerpt = new Option<FileInfo?>("--excerpt") { Description = "file with error-log lines to analyse with the host's own" };
        var since = new Option<int?>("--since-minutes") { Description = "window: the last N minutes (default from configuration)" };
        var from = new Option<DateTime?>("--from") { Description = "window start, local time (e.g. 2026-03-01T09:00)" };
        var to = new Option<DateTime?>("--to") { Description = "window end, local time" };
        var noDirect = new Option<bool>("--no-direct") { Description = "do not connect to targets" };
        var noExec = new Option<bool>("--no-exec") { Description = "do not run nginx -V or systemctl" };
        foreach (var option in settings) { command.Options.Add(option); }
        foreach (var o in new Option[] { upstream, server, excerpt, since, from, to, noDirect, noExec }) { command.Options.Add(o); }

        command.SetAction(async (parse, ct) =>
        {
            // Paths typed on the command line are relative to the working directory; configuration wants them absolute.
            var overrides = new Dictionary<string, string?>();
            for (var i = 0; i < settings.Length; i++)
            {
                if (parse.GetValue(settings[i]) is { } path) { overrides["Agent:" + Settings[i].Key] = Path.GetFullPath(path); }
            }

            if (parse.GetValue(noDirect)) { overrides["Agent:DirectProbes"] = "false"; }
            if (parse.GetValue(noExec)) { overrides["Agent:ExecNginx"] = "false"; overrides["Agent:UseSystemctl"] = "false"; }
            if (parse.GetValue(since) is { } minutes) { overrides["Agent:DefaultWindowMinutes"] = minutes.ToString(System.Globalization.CultureInfo.InvariantCulture); }
            var query = new DiagnoseQuery
            {
                UpstreamTarget = parse.GetValue(upstream),
                ServerName = parse.GetValue(server),
                WindowStart = parse.GetValue(from),
                WindowEnd = parse.GetValue(to),
                ErrorLogExcerpt = parse.GetValue(excerpt) is { } f ? await File.ReadAllTextAsync(f.FullName, ct) : null,
                CorrelationId = "cli-" + Guid.NewGuid().ToString("N")[..12],
            };
            return await RunAsync(buildServices(overrides), query, ct);
        });
        return command;
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
