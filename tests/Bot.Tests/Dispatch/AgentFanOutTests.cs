using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Nginx502Bot.Bot.Dispatch;

namespace Nginx502Bot.Bot.Tests.Dispatch;

public class AgentFanOutTests
{
    /// <summary>In-process agents with scripted latency or failure: the fan-out is what is under test, not a transport.</summary>
    private sealed class ScriptedDiagnoser(Dictionary<string, (TimeSpan Delay, bool Fail)> script) : IAgentDiagnoser
    {
        public async Task<AgentDiagnosis> DiagnoseAsync(AgentInfo agent, AgentRequest request, CancellationToken cancellationToken)
        {
            var (delay, fail) = script[agent.Host];
            await Task.Delay(delay, cancellationToken);
            return fail ? throw new InvalidOperationException("connection refused by agent") : new AgentDiagnosis(agent.Host, [], [$"{agent.Host}: nginx.conf:12 proxy_pass http://backend"]);
        }
    }

    private static AgentInfo Agent(string host) => new(host, "1.0", null, "ok", [], []);

    private static AgentFanOut FanOut(IAgentDiagnoser diagnoser, TimeSpan timeout) =>
        new(diagnoser, Options.Create(new DispatchOptions { PerAgentTimeout = timeout, ProgressInterval = TimeSpan.FromMilliseconds(50) }), TimeProvider.System);

    [Fact]
    public async Task SlowAndFailingHosts_ReportedPlainly_OthersAnswer()
    {
        var diagnoser = new ScriptedDiagnoser(new()
        {
            ["a"] = (TimeSpan.FromMilliseconds(10), false),
            ["b"] = (TimeSpan.FromMilliseconds(200), false),
            ["c"] = (TimeSpan.FromSeconds(30), false),
            ["d"] = (TimeSpan.FromMilliseconds(20), true),
        });
        var progress = new ConcurrentQueue<DispatchProgress>();
        var watch = Stopwatch.StartNew();

        // The deadline leaves the progress loop (50 ms ticks) ample time to report the hosts that finished early, even on
        // a machine busy enough to delay a timer by several hundred milliseconds.
        var final = await FanOut(diagnoser, TimeSpan.FromSeconds(2)).RunAsync(
            [Agent("a"), Agent("b"), Agent("c"), Agent("d")], new AgentRequest("x", null, "corr"), (p, _) => { progress.Enqueue(p); return Task.CompletedTask; }, CancellationToken.None);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "a slow host held up the fan-out");
        Assert.Equal([HostOutcomeKind.Answered, HostOutcomeKind.Answered, HostOutcomeKind.TimedOut, HostOutcomeKind.Failed], final.Hosts.Select(h => h.Kind));
        Assert.True(final.IsPartial);
        Assert.Equal("connection refused by agent", final.Hosts[3].Error);
        Assert.True(progress.Last().Complete);
        Assert.Contains(progress, p => !p.Complete && p.Finished is > 0 and < 4);
    }

    [Fact]
    public async Task CallsRunConcurrently()
    {
        var script = Enumerable.Range(0, 10).ToDictionary(i => $"h{i}", _ => (TimeSpan.FromMilliseconds(300), false));
        var watch = Stopwatch.StartNew();

        var final = await FanOut(new ScriptedDiagnoser(script), TimeSpan.FromSeconds(5)).RunAsync(
            [.. script.Keys.Select(Agent)], new AgentRequest("x", null, "corr"), (_, _) => Task.CompletedTask, CancellationToken.None);

        Assert.Equal(10, final.Answered);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"10 × 300 ms took {watch.Elapsed}");
    }
}
