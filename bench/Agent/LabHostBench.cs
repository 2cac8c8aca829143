using System.Diagnostics;
using System.Runtime.Versioning;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Agent.Service;
using Nginx502Bot.Lab;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Agent.Bench;

/// <summary>
/// Diagnose on the lab host ("on the lab host" in issue 3's targets): the real-nginx lab with the scenarios the lab
/// root-cause tests use, each requested once so the error log holds their lines, then the agent's real composition
/// root (in this process, no transport) pointed at it exactly as tests/EndToEnd.Tests' LabAgentFixture does:
/// this machine's /proc, the lab's nginx.conf, prefix and error log, direct probes and nginx -V on.
/// </summary>
[SupportedOSPlatform("linux")]
public static class LabHostBench
{
    private const int Rounds = 3;
    private const int WholeHostCalls = 5;

    public static async Task<List<Row>> RunAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        string[] names =
        [
            "nothing_listening", "wrong_port", "unix_socket_missing", "unix_socket_permission", "unix_socket_stale",
            "https_to_plain_http", "http_to_tls", "http_to_non_http", "fastcgi_to_http", "grpc_to_http1", "no_live_upstreams",
            "header_too_big", "php_worker_killed", "gunicorn_worker_timeout", "read_timeout",
        ];
        using var lab = await LabEnvironment.StartAsync([.. names.Select(LabScenarioCatalog.Get)], timeout.Token);
        var start = DateTime.Now.AddSeconds(-1);
        foreach (var name in names) { await lab.RunAsync(name, timeout.Token); }

        await using var provider = InProcessAgent.Build(new Dictionary<string, string?>
        {
            ["Agent:Root"] = "/",
            ["Agent:ProcRoot"] = "/proc",
            ["Agent:NginxConfigPath"] = Path.Combine(lab.Targets.Directory, "nginx.conf"),
            ["Agent:NginxPrefix"] = lab.Targets.Directory,
            ["Agent:ErrorLogPath"] = lab.Nginx.ErrorLog,
            ["Agent:UseSystemctl"] = "false",
            ["Agent:DirectProbes"] = "true",
            ["Agent:ExecNginx"] = "true",
        });
        var diagnosis = provider.GetRequiredService<DiagnosisService>();
        var end = DateTime.Now.AddMinutes(1);

        async Task<(double Ms, DiagnosisReport Report)> Once(string? target)
        {
            var started = Stopwatch.GetTimestamp();
            var report = await diagnosis.DiagnoseAsync(new DiagnoseQuery
            {
                UpstreamTarget = target, WindowStart = start, WindowEnd = end, CorrelationId = "bench-lab",
            }, null, timeout.Token);
            return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, report);
        }

        await Once(null);
        var scoped = new List<double>();
        var probeMs = new Dictionary<string, List<double>>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var name in names)
            {
                var (ms, report) = await Once(lab[name].Dials);
                scoped.Add(ms);
                foreach (var p in report.Probes) { (probeMs.TryGetValue(p.Name, out var l) ? l : probeMs[p.Name] = []).Add(p.DurationMs); }
            }
        }

        var scopedCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / scoped.Count;
        var whole = new List<double>();
        cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < WholeHostCalls; i++) { whole.Add((await Once(null)).Ms); }
        var wholeCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / WholeHostCalls;

        var slowest = probeMs.Select(kv => (kv.Key, Median: Stats.Median(kv.Value))).OrderByDescending(x => x.Median).Take(6);
        return
        [
            Row.Of($"lab host ({names.Length} scenarios): Diagnose one upstream target, p50 of {scoped.Count}", Stats.Median(scoped), "ms", 150,
                $"p95 {Stats.Percentile(scoped, 95):0}, CPU {scopedCpu:0.0} ms/call"),
            new Row("lab host: slowest probes per target, median ms", string.Join(", ", slowest.Select(x => $"{x.Key} {x.Median:0}")), "-", null),
            Row.Of($"lab host: Diagnose whole host, p50 of {WholeHostCalls}", Stats.Median(whole), "ms", null, $"CPU {wholeCpu:0.0} ms/call"),
        ];
    }
}
