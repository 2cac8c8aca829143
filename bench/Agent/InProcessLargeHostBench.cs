using System.Diagnostics;
using Google.Protobuf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Agent.Service;

namespace Nginx502Bot.Agent.Bench;

/// <summary>
/// Where the CPU of one Diagnose on the 1,000-block host goes, in this process: the probes and resolution
/// (DiagnosisService), then turning the report into the wire message and its bytes (AgentService.ToProto), per probe
/// the agent-reported durations. No transport, no second process competing for the two cores.
/// </summary>
public static class InProcessLargeHostBench
{
    private const int Calls = 30;

    public static async Task<List<Row>> RunAsync(string root, string config)
    {
        await using var provider = InProcessAgent.Build(new Dictionary<string, string?>
        {
            ["Agent:Root"] = root,
            ["Agent:ProcRoot"] = "/proc",
            ["Agent:NginxConfigPath"] = config,
            ["Agent:ExecNginx"] = "false",
            ["Agent:UseSystemctl"] = "false",
            ["Agent:DirectProbes"] = "true",
        });
        var diagnosis = provider.GetRequiredService<DiagnosisService>();
        DiagnoseQuery Query(int i) => new()
        {
            ServerName = LargeHost.ServerName(i * 17 % LargeHost.ServerBlocks),
            WindowStart = new DateTime(2026, 11, 21, 0, 0, 0), WindowEnd = new DateTime(2026, 11, 22, 0, 0, 0),
        };
        for (var i = 0; i < 5; i++) { await diagnosis.DiagnoseAsync(Query(i), null, CancellationToken.None); }

        var probeCpu = TimeSpan.Zero;
        var protoCpu = TimeSpan.Zero;
        var bytes = 0;
        var probeMs = new Dictionary<string, List<double>>();
        var self = Process.GetCurrentProcess();
        for (var i = 0; i < Calls; i++)
        {
            self.Refresh();
            var before = self.TotalProcessorTime;
            var report = await diagnosis.DiagnoseAsync(Query(i), null, CancellationToken.None);
            self.Refresh();
            var middle = self.TotalProcessorTime;
            bytes = AgentService.ToProto(report).ToByteArray().Length;
            self.Refresh();
            probeCpu += middle - before;
            protoCpu += self.TotalProcessorTime - middle;
            foreach (var p in report.Probes) { (probeMs.TryGetValue(p.Name, out var l) ? l : probeMs[p.Name] = []).Add(p.DurationMs); }
        }

        var slowest = probeMs.Select(kv => (kv.Key, Median: Stats.Median(kv.Value))).OrderByDescending(x => x.Median).Take(5);
        return
        [
            Row.Of($"in process, 1,000 blocks: probes + resolution CPU per Diagnose, mean of {Calls}", probeCpu.TotalMilliseconds / Calls, "ms"),
            Row.Of("in process, 1,000 blocks: report → wire message and bytes, CPU", protoCpu.TotalMilliseconds / Calls, "ms", null, $"{bytes / 1024} KiB"),
            new Row("in process, 1,000 blocks: slowest probes, median ms", string.Join(", ", slowest.Select(x => $"{x.Key} {x.Median:0}")), "-", null),
        ];
    }
}
