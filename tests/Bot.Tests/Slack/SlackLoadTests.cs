using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Bot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Nginx502Bot.Bot.Tests.Slack;

/// <summary>
/// The issue's performance targets, measured on loopback: acks under 200 signed slash commands per second, and the
/// time from command to final answer with 10 agents. The numbers go to the test output; the issue's bounds (p99 ≤ 50 ms,
/// ≤ 2 s) are enforced when NGINX502BOT_BENCH=1, because a machine shared with other CPU-bound work cannot promise them.
/// </summary>
public sealed class SlackLoadTests(ITestOutputHelper output)
{
    private sealed class ManyAgents(int count) : IAgentDirectory, IAgentDiagnoser
    {
        private readonly IReadOnlyList<AgentInfo> _agents =
            [.. Enumerable.Range(1, count).Select(i => new AgentInfo($"web{i}", "0.1.0", DateTimeOffset.UtcNow, "ok", ["shop.example.com"], []))];

        public Task<IReadOnlyList<AgentInfo>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(_agents);

        public async Task<AgentDiagnosis> DiagnoseAsync(AgentInfo agent, AgentRequest request, CancellationToken cancellationToken)
        {
            // Agents answer in 50–500 ms, as a probe run on a busy host might.
            var n = int.Parse(agent.Host[3..], System.Globalization.CultureInfo.InvariantCulture);
            await Task.Delay(50 * ((n % 10) + 1), cancellationToken);
            return new AgentDiagnosis(agent.Host, [], [$"{agent.Host}: nothing wrong"]);
        }
    }

    [Fact]
    public async Task AckLatency_At200RequestsPerSecond_AllAckedAndAnswered_P99Within50msInBenchMode()
    {
        await using var slack = await LocalSlackServer.StartAsync();
        await using var bot = await BotHost.StartAsync(slack);
        // Warm-up (JIT, connection pool, thread pool) is not what the target is about: steady state is.
        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => SendOneAsync(bot.Client,
            BotHost.Form(("text", "agents"), ("channel_id", "C1"), ("user_id", "U1"), ("trigger_id", $"warm-{i}")), new(), new(), _ => { })));
        var latencies = new ConcurrentBag<double>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        const int Count = 400;
        var start = Stopwatch.GetTimestamp();
        var sends = new List<Task>(Count);
        for (var i = 0; i < Count; i++)
        {
            // Open-loop pacing: request i leaves at i × 5 ms whatever the earlier ones are doing.
            var due = TimeSpan.FromMilliseconds(i * 5) - Stopwatch.GetElapsedTime(start);
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }

            var body = BotHost.Form(("command", "/502"), ("text", "agents"), ("channel_id", "C1"), ("user_id", "U1"), ("trigger_id", $"load-{i}"));
            sends.Add(SendOneAsync(bot.Client, body, latencies, statuses, _ => { }));
        }

        await Task.WhenAll(sends);
        var sorted = latencies.Order().ToArray();
        var p50 = sorted[sorted.Length / 2];
        var p99 = sorted[(int)(sorted.Length * 0.99) - 1];
        output.WriteLine($"{Count} signed slash commands at 200/s: ack p50 {p50:0.0} ms, p99 {p99:0.0} ms, max {sorted[^1]:0.0} ms");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => slack.CallsTo("chat.postMessage").Count == Count + 50, TimeSpan.FromSeconds(30)), "not every command was answered");

        // The 50 ms bound needs a machine that is not shared with other CPU-bound work; benchmark runs set the variable.
        if (Environment.GetEnvironmentVariable("NGINX502BOT_BENCH") == "1")
        {
            Assert.True(p99 <= 50, $"ack p99 {p99:0.0} ms");
        }
        else
        {
            output.WriteLine("p99 bound not enforced: set NGINX502BOT_BENCH=1 on an otherwise idle machine");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(100)]
    public async Task FinalAnswer_WithNAgents_AllHostsInOneEditedMessage_TenWithin2sInBenchMode(int count)
    {
        await using var slack = await LocalSlackServer.StartAsync();
        var agents = new ManyAgents(count);
        var all = count == 1 ? "The host answered." : $"All {count} hosts answered.";
        await using var bot = await BotHost.StartAsync(slack, configure: services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IAgentDirectory>(agents));
            services.Replace(ServiceDescriptor.Singleton<IAgentDiagnoser>(agents));
        });
        using var warm = await bot.Client.SendAsync(BotHost.SignedRequest("/slack/commands",
            BotHost.Form(("text", "shop.example.com"), ("channel_id", "C1"), ("user_id", "U1"), ("trigger_id", "warm")), "application/x-www-form-urlencoded"));
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => slack.CallsTo("chat.update").Any(u => u.Body.Contains(all, StringComparison.Ordinal)), TimeSpan.FromSeconds(15)));
        var before = slack.CallsTo("chat.update").Count;
        var callsBefore = slack.Calls.Count;
        var body = BotHost.Form(("command", "/502"), ("text", "shop.example.com"), ("channel_id", "C2"), ("user_id", "U1"), ("trigger_id", "ten"));
        var watch = Stopwatch.StartNew();

        using var ack = await bot.Client.SendAsync(BotHost.SignedRequest("/slack/commands", body, "application/x-www-form-urlencoded"));
        var done = await LocalSlackServer.WaitUntilAsync(
            () => slack.CallsTo("chat.update").Skip(before).Any(u => u.Body.Contains(all, StringComparison.Ordinal)), TimeSpan.FromSeconds(15));

        output.WriteLine($"command to final answer with {count} agents: {watch.Elapsed.TotalMilliseconds:0} ms, {slack.CallsTo("chat.update").Count - before} edits");
        // Said whole when it fails, so that a rare miss under load can be told apart: an API error, or no edit at all.
        Assert.True(done, $"no final answer; Slack API errors: [{string.Join("; ", slack.Errors)}]; calls after the command: "
            + string.Join(", ", slack.Calls.Skip(callsBefore).Select(c => c.Method)));
        Assert.Empty(slack.Errors);
        if (count == 10 && Environment.GetEnvironmentVariable("NGINX502BOT_BENCH") == "1")
        {
            Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(2), $"final answer after {watch.Elapsed}");
        }
    }

    [Fact]
    public async Task ProgressEditRateLimitedPastTheLongestWait_TheFinalAnswerStillComes()
    {
        await using var slack = await LocalSlackServer.StartAsync();
        var agents = new ManyAgents(10);
        await using var bot = await BotHost.StartAsync(slack, configure: services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IAgentDirectory>(agents));
            services.Replace(ServiceDescriptor.Singleton<IAgentDiagnoser>(agents));
        });

        // The first edit (a progress edit: the hosts answer over half a second, progress goes out every 100 ms) is told to
        // wait two minutes, past the client's longest wait, so it fails.
        slack.RateLimit("chat.update", 1);
        slack.RetryAfterSeconds = 120;
        using var ack = await bot.Client.SendAsync(BotHost.SignedRequest("/slack/commands",
            BotHost.Form(("command", "/502"), ("text", "shop.example.com"), ("channel_id", "C1"), ("user_id", "U1"), ("trigger_id", "limited")), "application/x-www-form-urlencoded"));

        Assert.True(await LocalSlackServer.WaitUntilAsync(
            () => slack.CallsTo("chat.update").Any(u => u.Body.Contains("All 10 hosts answered.", StringComparison.Ordinal)), TimeSpan.FromSeconds(15)),
            "no final answer after a failed progress edit; calls: " + string.Join(", ", slack.Calls.Select(c => c.Method)));
        Assert.True(slack.CallsTo("chat.update").Count >= 2, "the first edit was not the one limited");
    }

    private static async Task SendOneAsync(HttpClient client, string body, ConcurrentBag<double> latencies, ConcurrentBag<HttpStatusCode> statuses, Action<double> onLatency)
    {
        using var request = BotHost.SignedRequest("/slack/commands", body, "application/x-www-form-urlencoded");
        var sent = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request);
        latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        onLatency(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        statuses.Add(response.StatusCode);
    }
}
