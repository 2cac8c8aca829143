using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Bot.Tests.Infrastructure;
using Nginx502Bot.Diagnostics.Analysis;

namespace Nginx502Bot.Bot.Tests.Slack;

/// <summary>From a signed slash command over real HTTP to the answer recorded by the local Slack Web API server.</summary>
public sealed class SlackEndToEndTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Agents that answer from their own log excerpt after a delay; one never answers. Stands in for the gRPC transport's interface, not for a protocol.</summary>
    private sealed class LogExcerptAgents : IAgentDirectory, IAgentDiagnoser
    {
        public static readonly IReadOnlyList<AgentInfo> Agents =
        [
            new("web1", "0.1.0", DateTimeOffset.UtcNow, "ok", ["shop.example.com"], ["127.0.0.1:8000"]),
            new("web2", "0.1.0", DateTimeOffset.UtcNow, "ok", ["shop.example.com"], ["127.0.0.1:8000"]),
            new("web3", "0.1.0", DateTimeOffset.UtcNow, "ok", ["shop.example.com"], ["127.0.0.1:8000"]),
            new("web4", "0.1.0", DateTimeOffset.UtcNow, "degraded", ["shop.example.com"], ["127.0.0.1:8000"]),
        ];

        public Task<IReadOnlyList<AgentInfo>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(Agents);

        public async Task<AgentDiagnosis> DiagnoseAsync(AgentInfo agent, AgentRequest request, CancellationToken cancellationToken)
        {
            await Task.Delay(agent.Host == "web4" ? TimeSpan.FromMinutes(1) : TimeSpan.FromMilliseconds(150 * int.Parse(agent.Host[^1..], System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
            var findings = DiagnosisEngine.Analyze(NginxLines.Refused).Findings;
            return new AgentDiagnosis(agent.Host, findings, ["/etc/nginx/sites-enabled/shop.conf:14 proxy_pass http://127.0.0.1:8000", "nothing listens on 127.0.0.1:8000"]);
        }
    }

    [Fact]
    public async Task SignedSlashCommandWithPastedLines_AcksFast_ThenPostsRightRootCause()
    {
        await using var slack = await LocalSlackServer.StartAsync();
        await using var bot = await BotHost.StartAsync(slack);
        var text = NginxLines.SocketMissing + "\n" + NginxLines.SocketMissing.Replace("*18", "*19", StringComparison.Ordinal);
        var body = BotHost.Form(("command", "/502"), ("text", text), ("user_id", "U1"), ("channel_id", "C1"), ("trigger_id", "T-e2e"),
            ("response_url", slack.ResponseUrl("R-e2e")));
        var watch = Stopwatch.StartNew();

        using var ack = await bot.Client.SendAsync(BotHost.SignedRequest("/slack/commands", body, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"ack took {watch.Elapsed}");
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => slack.CallsTo("chat.postMessage").Count == 1, TimeSpan.FromSeconds(10)));
        var post = slack.CallsTo("chat.postMessage")[0].Json;
        Assert.StartsWith("502 diagnosis of the pasted lines: unix_socket_missing", post["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var blocks = post["blocks"]!.ToJsonString(Relaxed);
        Assert.Contains("/run/php/php8.2-fpm.sock", blocks, StringComparison.Ordinal);
        Assert.Contains("```", blocks, StringComparison.Ordinal);
        Assert.Contains("\"action_id\":\"rerun\"", blocks, StringComparison.Ordinal);
        Assert.Empty(slack.Errors);
    }

    [Fact]
    public async Task TargetCommandWithFourAgents_OneSummaryEditedInPlace_PartialResultStated()
    {
        await using var slack = await LocalSlackServer.StartAsync();
        var agents = new LogExcerptAgents();
        await using var bot = await BotHost.StartAsync(slack, configure: services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IAgentDirectory>(agents));
            services.Replace(ServiceDescriptor.Singleton<IAgentDiagnoser>(agents));
        });
        var body = BotHost.Form(("command", "/502"), ("text", "https://shop.example.com/cart"), ("user_id", "U1"), ("channel_id", "C1"), ("trigger_id", "T-fan"));

        using var ack = await bot.Client.SendAsync(BotHost.SignedRequest("/slack/commands", body, "application/x-www-form-urlencoded"));

        Assert.True(await LocalSlackServer.WaitUntilAsync(
            () => slack.CallsTo("chat.update").Any(c => c.Json["text"]!.GetValue<string>().Contains("upstream_down", StringComparison.Ordinal)
                && c.Json["blocks"]!.ToJsonString().Contains("Partial result", StringComparison.Ordinal)), TimeSpan.FromSeconds(15)));
        Assert.Single(slack.CallsTo("chat.postMessage"));
        var updates = slack.CallsTo("chat.update");
        Assert.All(updates, u => Assert.Equal(updates[0].Json["ts"]!.GetValue<string>(), u.Json["ts"]!.GetValue<string>()));
        Assert.Contains(updates, u => u.Json["blocks"]!.ToJsonString(Relaxed).Contains("of 4 hosts answered…", StringComparison.Ordinal));
        var final = updates[^1].Json["blocks"]!.ToJsonString(Relaxed);
        Assert.Contains("3 of 4 hosts answered; no answer from web4", final, StringComparison.Ordinal);
        Assert.Contains("shop.conf:14", final, StringComparison.Ordinal);
        Assert.Empty(slack.Errors);
    }
}
