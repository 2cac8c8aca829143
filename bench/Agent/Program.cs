using Nginx502Bot.Agent.Bench;

// Usage (see bench/agent.sh): agentbench AGENT_DLL ERROR_LOG FIXTURE_ROOT AOT_EXE|- [NOTE_WHY_NO_AOT]
// AGENT_BENCH_PARTS picks what runs (comma-separated; default all): startup, diagnose, inproc, lab, fixture, fanout.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: agentbench AGENT_DLL ERROR_LOG FIXTURE_ROOT AOT_EXE|- [NOTE]");
    return 2;
}

var (agentDll, errorLog, fixtureRoot, aot) = (args[0], args[1], args[2], args[3]);
var parts = (Environment.GetEnvironmentVariable("AGENT_BENCH_PARTS") ?? "startup,diagnose,inproc,lab,fixture,fanout").Split(',', StringSplitOptions.TrimEntries);
bool Runs(string part) => parts.Contains(part);
var root = Path.Combine(Path.GetTempPath(), "n502-agent-bench-" + Guid.NewGuid().ToString("N")[..8]);
var rows = new List<Row>();
try
{
    if (Runs("startup") || Runs("diagnose") || Runs("inproc"))
    {
        var config = LargeHost.Create(root, errorLog);
        Console.Error.WriteLine($"host tree: {root} ({LargeHost.ServerBlocks} server blocks, error log {new FileInfo(errorLog).Length / 1048576} MiB)");
        if (Runs("inproc")) { rows.AddRange(await InProcessLargeHostBench.RunAsync(root, config)); }
        if (Runs("startup") || Runs("diagnose"))
        {
            rows.AddRange(await ProcessBench.RunAsync("framework-dependent", ["dotnet", agentDll], root, config, Runs("startup")));
            if (aot != "-")
            {
                rows.AddRange(await ProcessBench.RunAsync("NativeAOT", [aot], root, config, Runs("startup")));
            }
            else
            {
                rows.Add(new Row("NativeAOT", "not measured: " + (args.Length > 4 ? args[4] : "publish failed"), "-", null));
            }
        }
    }

    if (Runs("lab") && OperatingSystem.IsLinux())
    {
        try
        {
            rows.AddRange(await LabHostBench.RunAsync());
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or OperationCanceledException)
        {
            rows.Add(new Row("lab host Diagnose", "failed: " + e.Message, "<= 150 ms", false));
        }
    }

    if (Runs("fixture"))
    {
        rows.AddRange(await FixtureHostBench.RunAsync(fixtureRoot));
    }

    if (Runs("fanout"))
    {
        try
        {
            rows.AddRange(await FanOutBench.RunAsync(200, fixtureRoot));
            if (aot != "-")
            {
                rows.AddRange(await FanOutBench.RunProcessesAsync(200, fixtureRoot, "NativeAOT", [aot]));
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or HttpRequestException)
        {
            rows.Add(new Row("fan-out 200 agents", "failed: " + e.Message, "<= 2000 ms", false));
        }
    }
}
finally
{
    if (Directory.Exists(root)) { Directory.Delete(root, recursive: true); }
}

Console.WriteLine();
Row.Print(rows);
return 0;
