using System.Diagnostics;
using Nginx502Bot.Agent.Bench;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Bench;

/// <summary>
/// Command to final answer with N real agent processes (<c>nginx502bot-agent serve</c>, h2c + token on loopback), each
/// in its own UTS namespace with its own host name (web1..webN) because the bot keys agents by the host name they report.
/// The final answer is the last chat.update the recorder saw for the command's channel once edits stopped for 3 s.
/// </summary>
public static class AnswerBench
{
    private const int Runs = 3;
    private const string Script = "hostname \"$0\" && exec \"$@\"";

    public static async Task<List<Row>> RunAsync(int count, string agentDll, string fixtureRoot)
    {
        var agents = new List<AgentProcess>(count);
        try
        {
            var started = Stopwatch.GetTimestamp();
            for (var batch = 0; batch < count; batch += 10)
            {
                agents.AddRange(await Task.WhenAll(Enumerable.Range(batch, Math.Min(10, count - batch)).Select(i => AgentProcess.StartAsync(
                    ["unshare", "--uts", "/bin/sh", "-c", Script, $"web{i + 1}", "dotnet", agentDll],
                    new Dictionary<string, string>
                    {
                        ["NGINX502BOT_Agent__Root"] = fixtureRoot,
                        ["NGINX502BOT_Agent__DirectProbes"] = "false",
                        ["NGINX502BOT_Agent__ExecNginx"] = "false",
                        ["NGINX502BOT_Agent__UseSystemctl"] = "false",
                        ["NGINX502BOT_Logging__LogLevel__Default"] = "Warning",
                    }))));
            }

            Console.Error.WriteLine($"{count} agent processes up in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
            await WarmAsync(agents);
            await using var slack = await LocalSlackServer.StartAsync();
            await using var bot = await RealBot.StartAsync(slack, agents);
            var times = new List<double>();
            var finalText = "";
            for (var run = 0; run < Runs; run++)
            {
                var channel = $"CANSWER{count}R{run}";
                var sent = DateTimeOffset.UtcNow;
                using (var ack = await bot.Client.SendAsync(SlashCommands.Request("app.example.com", channel, $"answer-{count}-{run}")))
                {
                    ack.EnsureSuccessStatusCode();
                }

                var last = await LastUpdateAsync(slack, channel);
                times.Add(last is null ? double.NaN : (last.At - sent).TotalMilliseconds);
                finalText = last is null ? "no chat.update" : Summary(last.Body);
            }

            double? target = count == 10 ? 2000 : null;
            return
            [
                Row.Of($"command to final answer, {count} agent(s), first (bot asks inventories)", times[0], "ms", target, finalText),
                Row.Of($"command to final answer, {count} agent(s), median of runs 2-{Runs}", Stats.Median(times.Skip(1).ToArray()), "ms", target),
            ];
        }
        finally
        {
            agents.ForEach(a => a.Dispose());
        }
    }

    /// <summary>
    /// One GetInventory and one Diagnose per agent, ten at a time, before the bot starts: a fleet's agents are long-running
    /// and JIT-warm, while N cold agents JIT-compiling at once on this machine's 2 cores would measure the machine.
    /// </summary>
    private static async Task WarmAsync(List<AgentProcess> agents)
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var batch in agents.Chunk(10))
        {
            await Task.WhenAll(batch.Select(async a =>
            {
                using var client = new Agents.AgentClient(new Agents.AgentEndpoint { Name = "warm", Address = a.Address, Token = AgentProcess.Token }, AgentProcess.Token, TimeProvider.System);
                await client.InventoryAsync("warm", TimeSpan.FromSeconds(60), CancellationToken.None);
                await client.DiagnoseAsync(new Agent.Contract.V1.DiagnoseRequest { ServerName = "app.example.com" }, "warm", DateTimeOffset.UtcNow.AddSeconds(60), null, CancellationToken.None);
            }));
        }

        Console.Error.WriteLine($"{agents.Count} agents warmed (one GetInventory + one Diagnose each) in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
    }

    private static async Task<RecordedCall?> LastUpdateAsync(LocalSlackServer slack, string channel)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var seen = 0;
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            var updates = slack.CallsTo("chat.update").Where(c => c.Body.Contains(channel, StringComparison.Ordinal)).ToList();
            if (updates.Count != seen) { (seen, quietSince) = (updates.Count, DateTime.UtcNow); }
            else if (seen > 0 && DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(3)) { return updates[^1]; }
            await Task.Delay(50);
        }

        return slack.CallsTo("chat.update").LastOrDefault(c => c.Body.Contains(channel, StringComparison.Ordinal));
    }

    /// <summary>The summary sentence of the final edit ("All 10 hosts answered.", "9 of 10 hosts answered …").</summary>
    private static string Summary(string body)
    {
        var i = body.IndexOf("answered", StringComparison.Ordinal);
        if (i < 0) { return "final edit has no 'answered' summary"; }
        var from = Math.Max(0, body.LastIndexOfAny(['"', '*', '\n'], i) + 1);
        return body[from..Math.Min(body.Length, i + 8)].Replace("\\n", " ", StringComparison.Ordinal).Trim();
    }
}
