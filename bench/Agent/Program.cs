using Nginx502Bot.Agent.Bench;

// Usage (see bench/agent.sh): agentbench AGENT_DLL ERROR_LOG FIXTURE_ROOT AOT_EXE|- [NOTE_WHY_NO_AOT]
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: agentbench AGENT_DLL ERROR_LOG FIXTURE_ROOT AOT_EXE|- [NOTE]");
    return 2;
}

var (agentDll, errorLog, fixtureRoot, aot) = (args[0], args[1], args[2], args[3]);
var root = Path.Combine(Path.GetTempPath(), "n502-agent-bench-" + Guid.NewGuid().ToString("N")[..8]);
var rows = new List<Row>();
try
{
    var config = LargeHost.Create(root, errorLog);
    Console.Error.WriteLine($"host tree: {root} ({LargeHost.ServerBlocks} server blocks, error log {new FileInfo(errorLog).Length / 1048576} MiB)");
    rows.AddRange(await ProcessBench.RunAsync("framework-dependent", ["dotnet", agentDll], root, config));
    if (aot != "-")
    {
        rows.AddRange(await ProcessBench.RunAsync("NativeAOT", [aot], root, config));
    }
    else
    {
        rows.Add(new Row("NativeAOT", "not measured: " + (args.Length > 4 ? args[4] : "publish failed"), "-", null));
    }
    try
    {
        rows.AddRange(await FanOutBench.RunAsync(200, fixtureRoot));
    }
    catch (Exception e) when (e is IOException or InvalidOperationException or HttpRequestException)
    {
        rows.Add(new Row("fan-out 200 agents", "failed: " + e.Message, "<= 2000 ms", false));
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}

Console.WriteLine();
Row.Print(rows);
return 0;
