using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Nginx502Bot.Bot.Hosting;
using Nginx502Bot.Bot.Slack;
using Nginx502Bot.Bot.Tests.Infrastructure;
using Nginx502Bot.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace Nginx502Bot.EndToEnd.Tests.Slack;

/// <summary>
/// The whole path: a signed <c>/502</c> slash command with the lab's fresh wrong_port error-log lines, into the real bot
/// host (BotHost, Slack configured, one agent endpoint), over our gRPC client to the real agent <c>serve</c> host (h2c
/// on loopback, bearer token) probing the real nginx, and back to the message the local Slack Web API server records.
/// </summary>
[Collection(RealNginxLab.Name)]
public sealed class SlackThroughAgentTests(LabAgentFixture lab, ITestOutputHelper output)
{
    private const string SigningSecret = "e2e-signing-secret";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task SignedSlashCommandWithWrongPortLines_PostsWrongTargetWithRealPortAndPassLine()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var run = await lab.Lab.RunAsync("wrong_port", timeout.Token);
        Assert.True(run.DecisiveText is not null, "the lab's nginx logged no error for wrong_port");
        await using var agent = await AgentServeHost.StartAsync(lab, timeout.Token);
        await using var slack = await LocalSlackServer.StartAsync();
        await using var bot = await StartBotAsync(slack, agent.Urls.First(), timeout.Token);
        using var client = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };
        var body = Form(("command", "/502"), ("text", string.Join('\n', run.ErrorLines)), ("user_id", "U1"), ("channel_id", "C1"),
            ("trigger_id", "T-e2e-" + Guid.NewGuid().ToString("N")), ("response_url", slack.ResponseUrl("R-e2e")));
        var watch = Stopwatch.StartNew();

        using var ack = await client.SendAsync(Signed("/slack/commands", body), timeout.Token);
        var acked = watch.Elapsed;
        // The first message only says the lines "could be wrong_target"; the agent's answer names it as the root cause.
        var answered = await LocalSlackServer.WaitUntilAsync(() => Answers(slack).Any(IsRootCause), TimeSpan.FromSeconds(30));
        output.WriteLine($"ack {acked.TotalMilliseconds:0} ms, answer {watch.Elapsed.TotalMilliseconds:0} ms");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(answered, "no Slack message named wrong_target; recorded:\n" + string.Join("\n---\n", Answers(slack)));
        var answer = Answers(slack).Last(IsRootCause);
        output.WriteLine(answer);
        Assert.Contains($"{run.Scenario.ConfigFile}:{run.Scenario.PassLine}", answer, StringComparison.Ordinal);
        Assert.Contains($"proxy_pass http://{run.Scenario.ListensAt}", answer, StringComparison.Ordinal);
        Assert.Empty(slack.Errors);
    }

    private static bool IsRootCause(string answer) => answer.Contains("`wrong_target`", StringComparison.Ordinal);

    /// <summary>Every chat.postMessage / chat.update / response_url body, JSON rendered without escaping.</summary>
    private static List<string> Answers(LocalSlackServer slack) => [.. slack.Calls
        .Where(c => c.Method is "chat.postMessage" or "chat.update" or "response_url")
        .Select(c => c.Json.ToJsonString(Relaxed))];

    private static async Task<WebApplication> StartBotAsync(LocalSlackServer slack, string agentAddress, CancellationToken cancellationToken)
    {
        var app = BotHost.Build(
        [
            "--urls=http://127.0.0.1:0",
            "--Logging:LogLevel:Default=Warning",
            "--Slack:SigningSecret=" + SigningSecret,
            "--Slack:BotToken=" + LocalSlackServer.BotToken,
            "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--Slack:BotUserId=UBOT",
            "--Agents:Endpoints:0:Name=lab",
            "--Agents:Endpoints:0:Address=" + agentAddress,
            "--Agents:Endpoints:0:Token=" + AgentServeHost.Token,
            "--Dispatch:PerAgentTimeout=00:00:20",
        ]);
        await app.StartAsync(cancellationToken);
        return app;
    }

    private static HttpRequestMessage Signed(string path, string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Compute(SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    private static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
}
