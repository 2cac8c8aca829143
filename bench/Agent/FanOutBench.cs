using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Nginx502Bot.Agent.Serve;
using Nginx502Bot.Bot.Agents;
using Nginx502Bot.Bot.Dispatch;

namespace Nginx502Bot.Agent.Bench;

/// <summary>
/// 200 agents in this process: each is the real <see cref="AgentServer"/> host (its own Kestrel on a loopback port,
/// rate-limit and token interceptors, AgentService over our gRPC server) on the agent tests' fixture host tree.
/// One client (the bot's AgentRegistry + GrpcAgentDiagnoser + AgentFanOut) calls them all at once.
/// </summary>
public static class FanOutBench
{
    private const int Runs = 5;

    public static async Task<List<Row>> RunAsync(int count, string fixtureRoot)
    {
        var apps = new List<WebApplication>(count);
        var rows = new List<Row>();
        // Each host would otherwise watch appsettings.json with its own inotify instance (the default limit is 128).
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        // 200 real agents would each have their own thread pool; here they share one, and the probes' blocking file
        // reads would otherwise wait for the pool's slow thread injection (≈1 thread/s past the minimum).
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, count + 50), Math.Max(io, count + 50));
        try
        {
            var startAll = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                var settings = FixtureHostBench.AgentSettings(fixtureRoot);
                settings["Serve:Address"] = "127.0.0.1";
                settings["Serve:Port"] = "0";
                settings["Serve:Insecure"] = "true";
                settings["Serve:Token"] = AgentProcess.Token;
                settings["Logging:LogLevel:Default"] = "Warning";
                settings["Logging:LogLevel:Nginx502Bot.Grpc.Server"] = "Warning";
                settings["Logging:LogLevel:Nginx502Bot.Agent.Probes"] = "Warning";
                var app = AgentServer.Build(settings);
                await app.StartAsync();
                apps.Add(app);
            }

            Console.Error.WriteLine($"fan-out: {count} listeners up in {Stopwatch.GetElapsedTime(startAll).TotalSeconds:0.0} s, process RSS {AgentProcess.ReadStatusMiB(Environment.ProcessId, "VmRSS"):0} MiB");
            rows.AddRange(await MeasureAsync($"fan-out {count} agents", apps.Select(a => a.Urls.First()).ToList(), countClientCpuOnly: false));
            rows.Add(Row.Of($"fan-out: RSS of the process holding {count} agents + client", AgentProcess.ReadStatusMiB(Environment.ProcessId, "VmRSS"), "MiB"));
        }
        finally
        {
            foreach (var app in apps)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        return rows;
    }

    /// <summary>
    /// <paramref name="count"/> real agent processes of <paramref name="command"/> (the NativeAOT binary: 200 JIT agents
    /// starting at once on 2 cores would measure the JIT), each on its own loopback port, started one after another;
    /// then the same client measurements. Killed by PID.
    /// </summary>
    public static async Task<List<Row>> RunProcessesAsync(int count, string fixtureRoot, string label, IReadOnlyList<string> command)
    {
        var environment = new Dictionary<string, string>
        {
            ["NGINX502BOT_Agent__Root"] = fixtureRoot,
            ["NGINX502BOT_Agent__DirectProbes"] = "false",
            ["NGINX502BOT_Agent__ExecNginx"] = "false",
            ["NGINX502BOT_Agent__UseSystemctl"] = "false",
            ["NGINX502BOT_Logging__LogLevel__Default"] = "Warning",
            ["NGINX502BOT_Logging__LogLevel__Nginx502Bot.Grpc.Server"] = "Warning",
            ["NGINX502BOT_Logging__LogLevel__Nginx502Bot.Agent.Probes"] = "Warning",
            ["DOTNET_hostBuilder__reloadConfigOnChange"] = "false",
        };
        var agents = new List<AgentProcess>(count);
        try
        {
            var startAll = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++) { agents.Add(await AgentProcess.StartAsync(command, environment)); }
            var rss = agents.Sum(a => a.StatusMiB("VmRSS"));
            Console.Error.WriteLine($"fan-out ({label}): {count} agent processes up in {Stopwatch.GetElapsedTime(startAll).TotalSeconds:0.0} s, {rss:0} MiB RSS in all");
            var rows = await MeasureAsync($"fan-out {count} {label} processes", agents.Select(a => a.Address).ToList(), countClientCpuOnly: true);
            rows.Add(Row.Of($"fan-out: RSS of the {count} {label} agent processes, in all", agents.Sum(a => a.StatusMiB("VmRSS")), "MiB"));
            return rows;
        }
        finally
        {
            agents.ForEach(a => a.Dispose());
        }
    }

    /// <summary>One client (the bot's AgentRegistry + GrpcAgentDiagnoser + AgentFanOut) calling every address at once.</summary>
    private static async Task<List<Row>> MeasureAsync(string label, List<string> addresses, bool countClientCpuOnly)
    {
        var rows = new List<Row>();
        var count = addresses.Count;
        var endpoints = addresses.Select((a, i) => new AgentEndpoint { Name = $"agent{i:D3}", Address = a, Token = AgentProcess.Token }).ToList();
        using var registry = new AgentRegistry(Microsoft.Extensions.Options.Options.Create(new AgentsOptions { Endpoints = endpoints }), TimeProvider.System);
        var agents = endpoints.Select(e => new AgentInfo(e.Name, "0.1.0", DateTimeOffset.UtcNow, "ok", [], [])).ToList();
        var fanOut = new AgentFanOut(new GrpcAgentDiagnoser(registry, TimeProvider.System),
            Microsoft.Extensions.Options.Options.Create(new DispatchOptions { PerAgentTimeout = TimeSpan.FromSeconds(5) }), TimeProvider.System);

        var (coldHealth, okCold) = await HealthAsync(registry);
        var warmHealth = new List<double>();
        var okWarm = 0;
        for (var i = 0; i < Runs; i++) { (var ms, okWarm) = await HealthAsync(registry); warmHealth.Add(ms); }

        var diagnose = new List<double>();
        var answered = 0;
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < Runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var final = await fanOut.RunAsync(agents, new AgentRequest("app.example.com", null, "bench-fanout"), (_, _) => Task.CompletedTask, CancellationToken.None);
            diagnose.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            answered = final.Hosts.Count(h => h.Kind == HostOutcomeKind.Answered);
        }

        // CPU of this process per agent diagnosis: with in-process agents, agents and client; with processes, the client.
        var cpuPerAgent = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / (Runs * count);
        rows.Add(Row.Of($"{label}: Health, first call (new connections)", coldHealth, "ms", 2000, $"{okCold}/{count} ok"));
        rows.Add(Row.Of($"{label}: Health, median of {Runs} warm", Stats.Median(warmHealth), "ms", 2000, $"{okWarm}/{count} ok"));
        rows.Add(Row.Of($"{label}: Diagnose (AgentFanOut), first", diagnose[0], "ms", 2000, $"{answered}/{count} answered"));
        rows.Add(Row.Of($"{label}: Diagnose (AgentFanOut), median of {Runs}", Stats.Median(diagnose), "ms", 2000,
            $"CPU {cpuPerAgent:0.0} ms per agent diagnosis, {(countClientCpuOnly ? "client only" : "client included")}"));
        return rows;
    }

    private static async Task<(double Ms, int Ok)> HealthAsync(AgentRegistry registry)
    {
        var started = Stopwatch.GetTimestamp();
        var calls = registry.Clients.Select(async c =>
        {
            try
            {
                await c.HealthAsync("bench-health", TimeSpan.FromSeconds(2), CancellationToken.None);
                return 1;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return 0;
            }
        }).ToArray();
        var ok = (await Task.WhenAll(calls)).Sum();
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, ok);
    }
}
