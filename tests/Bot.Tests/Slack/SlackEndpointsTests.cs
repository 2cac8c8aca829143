using System.Net;
using System.Text.Json;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Tests.Slack;

/// <summary>The Slack endpoints over real HTTP on loopback, against the local Slack Web API server.</summary>
public sealed class SlackEndpointsTests : IAsyncLifetime
{
    private LocalSlackServer _slack = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await LocalSlackServer.StartAsync();
        _bot = await BotHost.StartAsync(_slack);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static string Command(string text, string channel = "C1", string trigger = "T1") => BotHost.Form(
        ("command", "/502"), ("text", text), ("user_id", "U1"), ("user_name", "ops"), ("channel_id", channel), ("trigger_id", trigger));

    private static string Event(string eventId, string type, string text, string user = "U1", string? botId = null)
    {
        var ev = new Dictionary<string, object?> { ["type"] = type, ["text"] = text, ["user"] = user, ["channel"] = "C1", ["ts"] = "1700000000.000001" };
        if (botId is not null)
        {
            ev["bot_id"] = botId;
        }

        return JsonSerializer.Serialize(new Dictionary<string, object?> { ["type"] = "event_callback", ["event_id"] = eventId, ["event"] = ev });
    }

    [Fact]
    public async Task SignedSlashCommand_AcksAndPostsAnswer()
    {
        using var response = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/commands", Command("agents"), "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Working on it", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 1, TimeSpan.FromSeconds(10)));
        var post = _slack.CallsTo("chat.postMessage")[0];
        Assert.Equal("Bearer " + LocalSlackServer.BotToken, post.Authorization);
        Assert.Equal("C1", post.Json["channel"]!.GetValue<string>());
        Assert.Contains("No host agent reports", post.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplayedRequest_OldTimestamp_Is401AndNoHandlerRuns()
    {
        var old = DateTimeOffset.UtcNow.AddMinutes(-6);

        using var response = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/commands", Command("agents"), "application/x-www-form-urlencoded", old));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task TamperedBody_Is401AndNoHandlerRuns()
    {
        using var request = BotHost.SignedRequest("/slack/events", Event("Ev1", "app_mention", "<@UBOT> agents"), "application/json");
        request.Content = new StringContent(Event("Ev1", "app_mention", "<@UBOT> help"), System.Text.Encoding.UTF8, "application/json");

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Task.Delay(300);
        Assert.Empty(_slack.Calls);
    }

    [Fact]
    public async Task WrongSecret_Is401()
    {
        using var response = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/interactivity", "payload=%7B%7D", "application/x-www-form-urlencoded", secret: "not-the-secret"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UnsignedRequest_Is401()
    {
        using var response = await _bot.Client.PostAsync("/slack/events", new StringContent("""{"type":"url_verification","challenge":"x"}"""));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task UrlVerification_EchoesChallenge()
    {
        using var response = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/events", """{"token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}""", "application/json"));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", json.RootElement.GetProperty("challenge").GetString());
    }

    [Fact]
    public async Task SameEventDeliveredTwice_WithRetryHeader_GivesOneAnswer()
    {
        var body = Event("Ev-dup", "app_mention", "<@UBOT> agents");
        using var first = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/events", body, "application/json"));
        using var retry = BotHost.SignedRequest("/slack/events", body, "application/json");
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        using var second = await _bot.Client.SendAsync(retry);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count >= 1, TimeSpan.FromSeconds(10)));
        await Task.Delay(500);
        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task OrdinaryChatterAndBotMessages_AreIgnored()
    {
        using var chatter = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/events", Event("Ev-chat", "message", "is the deploy done? the shop looked slow"), "application/json"));
        using var bot = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/events", Event("Ev-bot", "message", NginxLines.Refused, botId: "B1"), "application/json"));
        using var own = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/events", Event("Ev-own", "message", NginxLines.Refused, user: "UBOT"), "application/json"));

        Assert.Equal(HttpStatusCode.OK, chatter.StatusCode);
        await Task.Delay(700);
        Assert.Empty(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task PastedUpstreamErrorInChannel_IsAnsweredInItsThread()
    {
        // Slack auto-links URLs and host names in message text; the bot must undo that before analysing.
        var text = "prod is down, saw this:\n" + NginxLines.Refused
            .Replace("http://127.0.0.1:8000/cart", "<http://127.0.0.1:8000/cart>", StringComparison.Ordinal)
            .Replace("host: \"shop.example.com\"", "host: \"<http://shop.example.com|shop.example.com>\"", StringComparison.Ordinal);

        using var response = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/events", Event("Ev-paste", "message", text), "application/json"));

        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 1, TimeSpan.FromSeconds(10)));
        var post = _slack.CallsTo("chat.postMessage")[0].Json;
        Assert.Equal("1700000000.000001", post["thread_ts"]!.GetValue<string>());
        Assert.Contains("upstream_down", post["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OptedOutChannel_PastedLinesIgnored_CommandsStillWork()
    {
        using var optOut = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/commands", Command("optout"), "application/x-www-form-urlencoded"));
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 1, TimeSpan.FromSeconds(10)));

        using var paste = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/events", Event("Ev-muted", "message", NginxLines.Refused), "application/json"));
        await Task.Delay(700);

        Assert.Single(_slack.CallsTo("chat.postMessage"));
    }

    [Fact]
    public async Task SlashCommandFromChannelBotIsNotIn_FallsBackToResponseUrl()
    {
        var body = BotHost.Form(("command", "/502"), ("text", "agents"), ("user_id", "U1"), ("channel_id", LocalSlackServer.UnknownChannel),
            ("trigger_id", "T-resp"), ("response_url", _slack.ResponseUrl("R1")));

        using var response = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/commands", body, "application/x-www-form-urlencoded"));

        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("response_url").Count == 1, TimeSpan.FromSeconds(10)));
        var posted = _slack.CallsTo("response_url")[0].Json;
        Assert.Equal("in_channel", posted["response_type"]!.GetValue<string>());
        Assert.Contains("No host agent reports", posted["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowTimelineButton_WithoutDatabase_AnswersInThreadThatIncidentsNeedTheDatabase()
    {
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = "U1", username = "ops" },
            channel = new { id = "C1" },
            message = new { ts = "1700000000.000200" },
            response_url = _slack.ResponseUrl("R2"),
            actions = new[] { new { action_id = "timeline", value = "", action_ts = "1700000001.1" } },
        });

        using var response = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/interactivity", BotHost.Form(("payload", payload)), "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 1, TimeSpan.FromSeconds(10)));
        var post = _slack.CallsTo("chat.postMessage")[0].Json;
        Assert.Equal("1700000000.000200", post["thread_ts"]!.GetValue<string>());
        Assert.Contains("need the database", post["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RerunButton_ReplaysPastedLinesInTheAnswersThread()
    {
        var payload = JsonSerializer.Serialize(new
        {
            type = "block_actions",
            user = new { id = "U1", username = "ops" },
            channel = new { id = "C1" },
            message = new { ts = "1700000000.000300" },
            actions = new[] { new { action_id = "rerun", value = NginxLines.SocketMissing, action_ts = "1700000002.1" } },
        });

        using var response = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/interactivity", BotHost.Form(("payload", payload)), "application/x-www-form-urlencoded"));

        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 1, TimeSpan.FromSeconds(10)));
        var post = _slack.CallsTo("chat.postMessage")[0].Json;
        Assert.Equal("1700000000.000300", post["thread_ts"]!.GetValue<string>());
        Assert.Contains("unix_socket_missing", post["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedSignedEventBody_Is400()
    {
        using var response = await _bot.Client.SendAsync(BotHost.SignedRequest("/slack/events", "{not json", "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
