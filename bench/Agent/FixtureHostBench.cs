using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Agent.Service;

namespace Nginx502Bot.Agent.Bench;

/// <summary>
/// The fan-out agents' own work without the transport: the agent's composition root on the fixture host (the tree
/// every fan-out agent serves), sequential diagnoses in this process, CPU per call. Fan-out CPU per agent minus
/// this is what gRPC, HTTP/2 and the client cost.
/// </summary>
public static class FixtureHostBench
{
    private const int Calls = 200;

    /// <summary>The agent settings of every fan-out agent (<see cref="FanOutBench"/>), so both benches measure the same work.</summary>
    public static Dictionary<string, string?> AgentSettings(string fixtureRoot) => new()
    {
        ["Agent:Root"] = fixtureRoot,
        ["Agent:DirectProbes"] = "false",
        ["Agent:ExecNginx"] = "false",
        ["Agent:UseSystemctl"] = "false",
    };

    public static async Task<List<Row>> RunAsync(string fixtureRoot)
    {
        await using var provider = InProcessAgent.Build(AgentSettings(fixtureRoot));
        var diagnosis = provider.GetRequiredService<DiagnosisService>();
        var query = new DiagnoseQuery { ServerName = "app.example.com", CorrelationId = "bench-fixture" };
        for (var i = 0; i < 20; i++) { await diagnosis.DiagnoseAsync(query, null, CancellationToken.None); }

        var wall = new List<double>();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < Calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await diagnosis.DiagnoseAsync(query, null, CancellationToken.None);
            wall.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var perCall = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / Calls;
        return [Row.Of($"fixture host, in process: Diagnose p50 of {Calls}", Stats.Median(wall), "ms", null, $"CPU {perCall:0.00} ms/call")];
    }
}
