using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Nginx502Bot.Bot.Agents;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Agent.Bench;

/// <summary>Start-up, idle RSS, Diagnose latency and peak RSS of one agent build (a command line) on the large host.</summary>
public static class ProcessBench
{
    private const int StartRuns = 5;
    private const int DiagnoseCalls = 50;
    private const int WholeHostCalls = 5;

    public static async Task<List<Row>> RunAsync(string label, IReadOnlyList<string> command, string root, string config, bool startup = true)
    {
        var environment = new Dictionary<string, string>
        {
            ["NGINX502BOT_Agent__Root"] = root,
            ["NGINX502BOT_Agent__ProcRoot"] = "/proc",
            ["NGINX502BOT_Agent__NginxConfigPath"] = config,
            ["NGINX502BOT_Agent__ExecNginx"] = "false",
            ["NGINX502BOT_Agent__UseSystemctl"] = "false",
            ["NGINX502BOT_Agent__DirectProbes"] = "true",
            // 50 sequential calls from one peer would trip the default 120/min limit only with retries; keep it out of the figure.
            ["NGINX502BOT_Serve__RateLimitPerMinute"] = "100000",
            ["NGINX502BOT_Logging__LogLevel__Default"] = "Warning",
        };
        var starts = new List<double>();
        var idle = new List<double>();
        for (var i = 0; i < (startup ? StartRuns : 0); i++)
        {
            using var agent = await AgentProcess.StartAsync(command, environment);
            starts.Add(agent.Startup.TotalMilliseconds);
            await Task.Delay(TimeSpan.FromSeconds(2));
            idle.Add(agent.StatusMiB("VmRSS"));
        }

        var rows = startup ? new List<Row>
        {
            Row.Of($"{label}: start-up to /healthz, median of {StartRuns}", Stats.Median(starts), "ms", 100,
                $"min {starts.Min():0} max {starts.Max():0}"),
            Row.Of($"{label}: idle RSS after 2 s, median of {StartRuns}", Stats.Median(idle), "MiB", 25),
        } : [];

        using (var agent = await AgentProcess.StartAsync(command, environment))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var beforeHwm = agent.StatusMiB("VmHWM");
            using var client = new AgentClient(new AgentEndpoint { Name = "bench", Address = agent.Address, Token = AgentProcess.Token }, AgentProcess.Token, TimeProvider.System);
            var inventory = await client.InventoryAsync("bench-inventory", TimeSpan.FromSeconds(30), CancellationToken.None);
            var blocks = inventory.NginxInstances.Sum(n => n.ServerBlocks.Count);
            var upstreams = inventory.NginxInstances.Sum(n => n.Upstreams.Count);
            Console.Error.WriteLine($"{label}: inventory sees {blocks} server blocks, {upstreams} upstreams");

            var scoped = new List<double>();
            var findings = 0;
            var probeMs = new Dictionary<string, List<double>>();
            var cpu = 0.0;
            for (var i = 0; i < DiagnoseCalls + 3; i++)
            {
                var cpuBefore = agent.CpuMs();
                var (ms, result) = await DiagnoseOnceAsync(client, LargeHost.ServerName(i * 17 % LargeHost.ServerBlocks));
                if (i >= 3) { cpu += agent.CpuMs() - cpuBefore; }
                findings = result.Findings.Count;
                if (i >= 3)
                {
                    scoped.Add(ms);
                    foreach (var p in result.Evidence?.Probes ?? Enumerable.Empty<V1.ProbeResult>())
                    {
                        (probeMs.TryGetValue(p.Name, out var l) ? l : probeMs[p.Name] = []).Add(p.DurationMs);
                    }
                }
            }

            var whole = new List<double>();
            var wholeCpu = agent.CpuMs();
            for (var i = 0; i < WholeHostCalls; i++)
            {
                whole.Add((await DiagnoseOnceAsync(client, "")).Ms);
            }

            wholeCpu = (agent.CpuMs() - wholeCpu) / WholeHostCalls;

            rows.Add(Row.Of($"{label}: Diagnose one server_name, p50 ({DiagnoseCalls} seq.)", Stats.Median(scoped), "ms", 150,
                $"{blocks} blocks, {findings} findings"));
            rows.Add(Row.Of($"{label}: Diagnose one server_name, p95", Stats.Percentile(scoped, 95), "ms"));
            // Wall time on a shared machine depends on the load; the agent's own CPU time per call does much less.
            rows.Add(Row.Of($"{label}: agent CPU per Diagnose (user+sys), mean", cpu / DiagnoseCalls, "ms"));
            // Where the time goes: the agent's own per-probe durations (probes run concurrently, so they overlap).
            var slowest = probeMs.Select(kv => (kv.Key, Median: Stats.Median(kv.Value))).OrderByDescending(x => x.Median).Take(6);
            rows.Add(new Row($"{label}: slowest probes, median ms", string.Join(", ", slowest.Select(x => $"{x.Key} {x.Median:0}")), "-", null));
            rows.Add(Row.Of($"{label}: Diagnose whole host (no server_name), p50 of {WholeHostCalls}", Stats.Median(whole), "ms", null,
                $"{upstreams * 2} targets probed, CPU {wholeCpu:0} ms/call"));
            rows.Add(Row.Of($"{label}: RSS peak (VmHWM) during the diagnoses", agent.StatusMiB("VmHWM"), "MiB", null,
                $"before: {beforeHwm:0.0}"));
            rows.Add(Row.Of($"{label}: RSS after the diagnoses (VmRSS)", agent.StatusMiB("VmRSS"), "MiB"));
        }

        return rows;
    }

    private static async Task<(double Ms, V1.DiagnoseResult Result)> DiagnoseOnceAsync(AgentClient client, string serverName)
    {
        var request = new V1.DiagnoseRequest
        {
            ServerName = serverName,
            // loggen writes 2026-11-21 from midnight on.
            WindowStart = Timestamp.FromDateTime(new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc)),
            WindowEnd = Timestamp.FromDateTime(new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc)),
        };
        var started = Stopwatch.GetTimestamp();
        var result = await client.DiagnoseAsync(request, "bench-" + Guid.NewGuid().ToString("N")[..8], DateTimeOffset.UtcNow.AddSeconds(30), null, CancellationToken.None);
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, result);
    }
}
