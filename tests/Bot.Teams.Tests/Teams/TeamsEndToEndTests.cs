using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Bot.Teams.Tests.Infrastructure;
using Nginx502Bot.Diagnostics.Analysis;

namespace Nginx502Bot.Bot.Teams.Tests.Teams;

/// <summary>From a signed activity over real HTTP, through the shared handlers, to what the local connector records.</summary>
public sealed class TeamsEndToEndTests : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private LocalOpenIdProvider _provider = null!;
    private LocalConnectorServer _connector = null!;

    private string ServiceUrl => _connector.BaseUrl + "/";

    public async Task InitializeAsync()
    {
        _provider = await LocalOpenIdProvider.StartAsync();
        _connector = await LocalConnectorServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task MentionWithPastedLabLines_AnsweredInThreadWithEnginesRootCauseAndFix()
    {
        await using var bot = await TeamsBotHost.StartAsync(_provider, _connector);
        var lines = LabLines.Read("nothing_listening");
        var expected = DiagnosisEngine.Analyze(lines).Findings[0];
        var activity = Activities.ChannelMention(ServiceUrl, "502 " + lines, id: "1700000000101");
        var watch = Stopwatch.StartNew();

        using var response = await bot.PostActivityAsync(activity.ToJsonString(), Token());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The Bot Framework service gives a bot 15 s to answer an activity (the diagnosis is posted afterwards, as a reply);
        // a tighter bound here measured the machine's load, not the bot (4.6 s once on a 2-core machine at load 40).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"answered the connector after {watch.Elapsed}");
        Assert.True(await LocalConnectorServer.WaitUntilAsync(() => _connector.Delivered.Count == 1, TimeSpan.FromSeconds(10)));
        var reply = _connector.Delivered[0];
        Assert.Equal(("POST", $"/v3/conversations/{Activities.Channel};messageid=1700000000101/activities/1700000000101"), (reply.Method, reply.Path));
        Assert.Equal("1700000000101", reply.Json["replyToId"]!.GetValue<string>());
        Assert.Equal("upstream_down", expected.RootCause);
        var card = reply.Card!.ToJsonString(Relaxed);
        Assert.Contains(expected.RootCause, card, StringComparison.Ordinal);
        Assert.NotEmpty(expected.Remediation);
        Assert.All(expected.Remediation, fix => Assert.Contains(JsonEncoded(fix), card, StringComparison.Ordinal));
        Assert.Contains("\"fontType\":\"Monospace\"", card, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"rerun\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverheardPaste_AnsweredInItsThread_ChatterIgnored()
    {
        await using var bot = await TeamsBotHost.StartAsync(_provider, _connector);

        using (var chatter = await bot.PostActivityAsync(Activities.ChannelMessage(ServiceUrl, "anyone else seeing 502s on the shop?", id: "1700000000201").ToJsonString(), Token()))
        {
            Assert.Equal(HttpStatusCode.OK, chatter.StatusCode);
        }

        using var paste = await bot.PostActivityAsync(Activities.ChannelMessage(ServiceUrl, LabLines.Read("unix_socket_missing"), id: "1700000000202").ToJsonString(), Token());

        Assert.True(await LocalConnectorServer.WaitUntilAsync(() => _connector.Delivered.Count == 1, TimeSpan.FromSeconds(10)));
        await Task.Delay(300);
        var reply = Assert.Single(_connector.Delivered);
        Assert.EndsWith(";messageid=1700000000202/activities/1700000000202", reply.Path, StringComparison.Ordinal);
        Assert.Contains("unix_socket_missing", reply.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameActivityDeliveredTwice_OneAnswer()
    {
        await using var bot = await TeamsBotHost.StartAsync(_provider, _connector);
        var activity = Activities.ChannelMention(ServiceUrl, "502 " + LabLines.Read("nothing_listening"), id: "1700000000301").ToJsonString();

        using var first = await bot.PostActivityAsync(activity, Token());
        using var second = await bot.PostActivityAsync(activity, Token());

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(await LocalConnectorServer.WaitUntilAsync(() => _connector.Delivered.Count == 1, TimeSpan.FromSeconds(10)));
        await Task.Delay(500);
        Assert.Single(_connector.Delivered);
    }

    [Fact]
    public async Task TwentyConcurrentPastes_EachAnsweredOnceInItsOwnThread()
    {
        await using var bot = await TeamsBotHost.StartAsync(_provider, _connector);
        var lines = LabLines.Read("nothing_listening");
        var ids = Enumerable.Range(0, 20).Select(i => (1_700_000_001_000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var responses = await Task.WhenAll(ids.Select(id => bot.PostActivityAsync(Activities.ChannelMention(ServiceUrl, "502 " + lines, id).ToJsonString(), Token())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.True(await LocalConnectorServer.WaitUntilAsync(() => _connector.Delivered.Count == ids.Count, TimeSpan.FromSeconds(20)));
        await Task.Delay(300);
        Assert.Equal(ids.Order(StringComparer.Ordinal), _connector.Delivered.Select(c => c.Json["replyToId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task PasteNamingAgentHosts_OneSummaryUpdatedInPlace_FinalCardHasEveryHost()
    {
        var agents = new LabLogAgents();
        await using var bot = await TeamsBotHost.StartAsync(_provider, _connector, services =>
        {
            services.Replace(ServiceDescriptor.Singleton<IAgentDirectory>(agents));
            services.Replace(ServiceDescriptor.Singleton<IAgentDiagnoser>(agents));
        });

        using var response = await bot.PostActivityAsync(Activities.ChannelMention(ServiceUrl, "502 " + LabLines.Read("nothing_listening"), id: "1700000000401").ToJsonString(), Token());

        Assert.True(await LocalConnectorServer.WaitUntilAsync(
            () => _connector.Delivered.Any(c => c.Method == "PUT" && c.Body.Contains("All 2 hosts answered", StringComparison.Ordinal)), TimeSpan.FromSeconds(15)));
        var posts = _connector.Delivered.Where(c => c.Method == "POST").ToList();
        var summary = Assert.Single(posts);
        Assert.Contains("of 2 hosts answered…", summary.Card!.ToJsonString(Relaxed), StringComparison.Ordinal);
        var updates = _connector.Delivered.Where(c => c.Method == "PUT").ToList();
        Assert.All(updates, u => Assert.EndsWith("/activities/activity-1", u.Path, StringComparison.Ordinal));
        var final = updates[^1].Card!.ToJsonString(Relaxed);
        Assert.Contains("lab-web1", final, StringComparison.Ordinal);
        Assert.Contains("lab-web2", final, StringComparison.Ordinal);
        Assert.Contains("nothing listens on 127.0.0.1:34493", final, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionExecuteRerun_InvokeAnswered_ThenNewAnswerInSameThread()
    {
        await using var bot = await TeamsBotHost.StartAsync(_provider, _connector);
        using (var ask = await bot.PostActivityAsync(Activities.ChannelMention(ServiceUrl, "502 " + LabLines.Read("nothing_listening"), id: "1700000000501").ToJsonString(), Token()))
        {
            Assert.True(await LocalConnectorServer.WaitUntilAsync(() => _connector.Delivered.Count == 1, TimeSpan.FromSeconds(10)));
        }

        var card = _connector.Delivered[0].Card!;
        var rerun = card["actions"]!.AsArray().Single(a => a!["verb"]?.GetValue<string>() == "rerun")!;
        var press = Activities.Execute(ServiceUrl, "rerun", rerun["data"]!["value"]!.GetValue<string>(), cardId: "activity-1", root: "1700000000501");

        using var invoke = await bot.PostActivityAsync(press.ToJsonString(), Token());

        Assert.Equal(HttpStatusCode.OK, invoke.StatusCode);
        var body = JsonNode.Parse(await invoke.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.True(await LocalConnectorServer.WaitUntilAsync(() => _connector.Delivered.Count == 2, TimeSpan.FromSeconds(10)));
        var again = _connector.Delivered[1];
        Assert.EndsWith(";messageid=1700000000501/activities/1700000000501", again.Path, StringComparison.Ordinal);
        Assert.Contains("upstream_down", again.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MarkResolvedWithoutDatabase_SaysWhatIsMissing()
    {
        await using var bot = await TeamsBotHost.StartAsync(_provider, _connector);

        using var invoke = await bot.PostActivityAsync(Activities.Execute(ServiceUrl, "resolve", "", cardId: "activity-9", root: "1700000000601").ToJsonString(), Token());

        Assert.True(await LocalConnectorServer.WaitUntilAsync(() => _connector.Delivered.Count == 1, TimeSpan.FromSeconds(10)));
        Assert.Contains("Incidents need the database", _connector.Delivered[0].Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionSubmitFallback_MessageWithValue_RoutedAsButton()
    {
        await using var bot = await TeamsBotHost.StartAsync(_provider, _connector);
        var submit = Activities.ChannelMessage(ServiceUrl, "", id: "1700000000701");
        submit.Remove("text");
        submit["conversation"]!["id"] = Activities.Channel + ";messageid=1700000000700";
        submit["replyToId"] = "activity-7";
        submit["value"] = new JsonObject { ["action"] = "timeline", ["value"] = "" };

        using var response = await bot.PostActivityAsync(submit.ToJsonString(), Token());

        Assert.True(await LocalConnectorServer.WaitUntilAsync(() => _connector.Delivered.Count == 1, TimeSpan.FromSeconds(10)));
        var reply = _connector.Delivered[0];
        Assert.EndsWith(";messageid=1700000000700/activities/1700000000700", reply.Path, StringComparison.Ordinal);
        Assert.Contains("Incidents need the database", reply.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BotAddedToTeam_WelcomePostedToChannel()
    {
        await using var bot = await TeamsBotHost.StartAsync(_provider, _connector);

        using var response = await bot.PostActivityAsync(Activities.BotAdded(ServiceUrl).ToJsonString(), Token());

        Assert.True(await LocalConnectorServer.WaitUntilAsync(() => _connector.Delivered.Count == 1, TimeSpan.FromSeconds(10)));
        var welcome = _connector.Delivered[0];
        Assert.Equal(("POST", $"/v3/conversations/{Activities.Channel}/activities"), (welcome.Method, welcome.Path));
        Assert.Contains("502 help", welcome.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoAppId_EndpointNotMapped()
    {
        await using var bot = await TeamsBotHost.StartAsync(_provider, _connector, settings: new Dictionary<string, string?> { ["Teams:AppId"] = "" });

        using var response = await bot.PostActivityAsync(Activities.ChannelMention(ServiceUrl, "502 help").ToJsonString(), Token());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private string Token() => _provider.Token(LocalConnectorServer.AppId, ServiceUrl);

    private static string JsonEncoded(string text) => JsonSerializer.Serialize(text, Relaxed)[1..^1];
}
