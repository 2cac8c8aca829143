using System.Net;
using Nginx502Bot.Bot.Tests.Infrastructure;
using static Nginx502Bot.Bot.Tests.Incidents.IncidentTestData;

namespace Nginx502Bot.Bot.Tests.Incidents;

/// <summary>
/// The bot as <c>serve</c> builds it, with a real PostgreSQL and the local Slack Web API server: signed Slack requests
/// in, answers recorded by the Slack server, incidents and timelines checked in the database.
/// </summary>
public sealed class SlackIncidentWiringTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly string _key = IncidentBotHost.NewSigningKey();
    private TestPostgres _db = null!;
    private LocalSlackServer _slack = null!;
    private IncidentBotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _db = await TestPostgres.CreateAsync();
        _slack = await LocalSlackServer.StartAsync();
        _bot = await IncidentBotHost.StartAsync(_db, _slack, _key);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task SignedSlashCommandWithPastedLines_AnswerPosted_IncidentAndTimelineInPostgres()
    {
        using var ack = await SendCommandAsync(_bot, PastedLines, "T-paste");

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 1, Wait));
        var answer = _slack.CallsTo("chat.postMessage")[0].Json;
        Assert.Contains("upstream_down", answer["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var incident = Assert.Single(await _db.QueryAsync("SELECT number, status, root_cause, count_502, first_502_at, last_502_at, channel FROM incidents"));
        Assert.Equal("open", incident["status"]);
        Assert.Equal("upstream_down", incident["root_cause"]);
        Assert.Equal(2L, incident["count_502"]);
        Assert.Equal(First502, Utc(incident["first_502_at"]));
        Assert.Equal(First502.AddSeconds(1), Utc(incident["last_502_at"]));
        Assert.Equal("C1", incident["channel"]);
        // The answer's Mark resolved / Show timeline buttons carry the incident's number.
        Assert.Contains($"\"value\":\"{incident["number"]}\"", answer["blocks"]!.ToJsonString(), StringComparison.Ordinal);

        var events = await EventsAsync();
        Assert.Equal(["lines_received", "reported", "diagnosis", "remediation_suggested"], events.Select(e => (string)e["kind"]!));
        Assert.Equal(First502, Utc(events[0]["occurred_at"]));
        Assert.All(events, e => Assert.StartsWith("slack:command:T-paste:", (string)e["idempotency_key"]!, StringComparison.Ordinal));
        Assert.Empty(_slack.Errors);
    }

    [Fact]
    public async Task SameDeliveryRetriedAndSentToASecondInstance_OneAnswer_NoDuplicateEvents()
    {
        await using var second = await IncidentBotHost.StartAsync(_db, _slack, _key);
        var body = Command(PastedLines, "T-retry");

        using var first = await SendAsync(_bot, "/slack/commands", body, "application/x-www-form-urlencoded");
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 1, Wait));
        var eventsAfterFirst = (await EventsAsync()).Count;
        using var retry = await SendAsync(_bot, "/slack/commands", body, "application/x-www-form-urlencoded", retryNum: 1);
        using var otherInstance = await SendAsync(second, "/slack/commands", body, "application/x-www-form-urlencoded", retryNum: 2);
        await Task.Delay(1500);

        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherInstance.StatusCode);
        Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.Empty(_slack.CallsTo("response_url"));
        Assert.Single(await _db.QueryAsync("SELECT id FROM incidents"));
        Assert.Equal(eventsAfterFirst, (await EventsAsync()).Count);
        Assert.Single(await _db.QueryAsync("SELECT delivery_id FROM chat_deliveries WHERE delivery_id = 'slack:command:T-retry'"));
    }

    [Fact]
    public async Task NoteAndResolve_LandInTimelineWithTheMessagesOriginalTime()
    {
        var number = await OpenIncidentAsync("T-open");
        // Original times well apart from when the bot processes them, so "now" could not pass for them.
        var noteAt = Ms(DateTimeOffset.UtcNow.AddMinutes(3).AddMilliseconds(250));
        var resolveAt = Ms(DateTimeOffset.UtcNow.AddMinutes(4));
        var beforeSlashNote = DateTimeOffset.UtcNow;

        using var note = await SendAsync(_bot, "/slack/events", Mention("Ev-note", $"note {number} restarted the app on :8000", noteAt), "application/json");
        using var slashNote = await SendCommandAsync(_bot, $"note {number} confirmed from the slash command", "T-note");
        using var resolve = await SendAsync(_bot, "/slack/events", Mention("Ev-resolve", $"resolve {number}", resolveAt), "application/json");

        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 4, Wait));
        var events = await EventsAsync();
        var mentionNote = Assert.Single(events, e => (string)e["kind"]! == "note" && ((string)e["summary"]!).Contains(":8000", StringComparison.Ordinal));
        Assert.Equal(noteAt, Utc(mentionNote["occurred_at"]));
        Assert.Equal("U2", mentionNote["actor"]);
        var commandNote = Assert.Single(events, e => (string)e["kind"]! == "note" && ((string)e["summary"]!).Contains("slash command", StringComparison.Ordinal));
        Assert.InRange(Utc(commandNote["occurred_at"]), beforeSlashNote.AddSeconds(-1), DateTimeOffset.UtcNow);
        Assert.Equal("ops", commandNote["actor"]);
        var resolved = Assert.Single(events, e => (string)e["kind"]! == "status_change");
        Assert.Equal(resolveAt, Utc(resolved["occurred_at"]));
        var incident = Assert.Single(await _db.QueryAsync("SELECT status, resolved_at FROM incidents"));
        Assert.Equal("resolved", incident["status"]);
        Assert.Equal(resolveAt, Utc(incident["resolved_at"]));
        // The timeline is ordered by original time: the note precedes the resolution.
        Assert.True(events.IndexOf(mentionNote) < events.IndexOf(resolved));
    }

    [Fact]
    public async Task PostmortemCommand_PostsSignedLink_PageIs200_TamperedLinkIs403()
    {
        var number = await OpenIncidentAsync("T-pm-open");

        using var ack = await SendCommandAsync(_bot, $"postmortem {number}", "T-pm");

        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 2, Wait));
        var urls = Urls(BlockText(_slack.CallsTo("chat.postMessage")[1].Json));
        var page = Assert.Single(urls, u => u.Contains($"/incidents/{number}/postmortem?", StringComparison.Ordinal));
        var markdown = Assert.Single(urls, u => u.Contains($"/incidents/{number}/postmortem.md?", StringComparison.Ordinal));
        Assert.StartsWith(_bot.Client.BaseAddress!.ToString().TrimEnd('/'), page, StringComparison.Ordinal);

        using var html = await _bot.Client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        var body = await html.Content.ReadAsStringAsync();
        Assert.Contains($"Post-mortem: incident #{number}", body, StringComparison.Ordinal);
        Assert.Contains("<code id=\"root-cause\">upstream_down</code>", body, StringComparison.Ordinal);
        using var md = await _bot.Client.GetAsync(markdown);
        Assert.Equal(HttpStatusCode.OK, md.StatusCode);
        Assert.Equal("text/markdown", md.Content.Headers.ContentType!.MediaType);
        Assert.Contains("upstream_down", await md.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var tampered = await _bot.Client.GetAsync(Tamper(page));
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        using var otherIncident = await _bot.Client.GetAsync(page.Replace($"/incidents/{number}/", $"/incidents/{number + 1}/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, otherIncident.StatusCode);
        using var unsigned = await _bot.Client.GetAsync($"/incidents/{number}/postmortem");
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Single(await _db.QueryAsync("SELECT id FROM incidents WHERE postmortem_at IS NOT NULL"));
    }

    [Fact]
    public async Task IncidentsCommand_ListsThisChannelsOpenIncidentsWithSignedLinks_ListPageKeepsSignatureInFilters()
    {
        var number = await OpenIncidentAsync("T-list-open");
        var elsewhere = await OpenIncidentAsync("T-list-other", NginxLines.SocketMissing, "C2");

        using var ack = await SendCommandAsync(_bot, "incidents", "T-list");

        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 3, Wait));
        var reply = BlockText(_slack.CallsTo("chat.postMessage")[2].Json);
        Assert.Contains("(1 open in other channels)", reply, StringComparison.Ordinal);
        Assert.DoesNotContain($"/incidents/{elsewhere}?", reply, StringComparison.Ordinal);
        var urls = Urls(reply);
        var incidentPage = Assert.Single(urls, u => u.Contains($"/incidents/{number}?", StringComparison.Ordinal));
        var list = Assert.Single(urls, u => u.Contains("/incidents?", StringComparison.Ordinal));
        using var page = await _bot.Client.GetAsync(incidentPage);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("kind-lines_received", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var filtered = await _bot.Client.GetAsync(list + "&status=open");
        Assert.Equal(HttpStatusCode.OK, filtered.StatusCode);
        var listHtml = await filtered.Content.ReadAsStringAsync();
        Assert.Contains("<input type=\"hidden\" name=\"sig\"", listHtml, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"incident\">", listHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemoReactionAndMessageAction_AddPinnedNotesAtTheirOwnTime_OtherEmojiIgnored()
    {
        await OpenIncidentAsync("T-react-open");
        var reactedAt = Ms(DateTimeOffset.UtcNow.AddMinutes(2));
        var actionAt = Ms(DateTimeOffset.UtcNow.AddMinutes(5));

        using var memo = await SendAsync(_bot, "/slack/events", Reaction("Ev-memo", "memo", "1763733000.000100", reactedAt), "application/json");
        using var memoAgain = await SendAsync(_bot, "/slack/events", Reaction("Ev-memo", "memo", "1763733000.000100", reactedAt), "application/json", retryNum: 1);
        using var thumbs = await SendAsync(_bot, "/slack/events", Reaction("Ev-thumbs", "thumbsup", "1763733000.000200", reactedAt), "application/json");
        using var action = await SendAsync(_bot, "/slack/interactivity", MessageAction("T-shortcut", "php-fpm pool was at pm.max_children", "1763733000.000300", actionAt),
            "application/x-www-form-urlencoded");

        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postEphemeral").Count == 2, Wait));
        await Task.Delay(500);
        var notes = (await EventsAsync()).Where(e => (string)e["kind"]! == "note").ToList();
        Assert.Equal(2, notes.Count);
        Assert.All(notes, n => Assert.True((bool)n["pinned"]!));
        Assert.Equal(reactedAt, Utc(notes[0]["occurred_at"]));
        Assert.Contains("1763733000.000100", (string)notes[0]["summary"]!, StringComparison.Ordinal);
        Assert.Equal(actionAt, Utc(notes[1]["occurred_at"]));
        Assert.Equal("php-fpm pool was at pm.max_children", notes[1]["summary"]);
        Assert.Equal("sre", notes[1]["actor"]);
    }

    [Fact]
    public async Task MarkResolvedAndShowTimelineButtons_ResolveAtThePressTime_TimelineRepliesInThreadWithSignedLink()
    {
        var number = await OpenIncidentAsync("T-buttons-open");
        var pressedAt = Ms(DateTimeOffset.UtcNow.AddMinutes(6));
        var value = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string Form = "application/x-www-form-urlencoded";

        using var resolve = await SendAsync(_bot, "/slack/interactivity", ButtonPress("resolve", value, "1763733100.000100", pressedAt), Form);
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 2, Wait));
        using var resolveAgain = await SendAsync(_bot, "/slack/interactivity", ButtonPress("resolve", value, "1763733100.000100", pressedAt), Form, retryNum: 1);
        using var timeline = await SendAsync(_bot, "/slack/interactivity", ButtonPress("timeline", value, "1763733100.000100", pressedAt.AddSeconds(5)), Form);

        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 3, Wait));
        await Task.Delay(500);
        Assert.Equal(3, _slack.CallsTo("chat.postMessage").Count);
        var status = Assert.Single(await _db.QueryAsync("SELECT occurred_at, actor FROM timeline_events WHERE kind = 'status_change'"));
        Assert.Equal(pressedAt, Utc(status["occurred_at"]));
        Assert.Equal("oncall", status["actor"]);
        var reply = _slack.CallsTo("chat.postMessage")[2].Json;
        Assert.Equal("1763733100.000100", reply["thread_ts"]!.GetValue<string>());
        var text = BlockText(reply);
        Assert.Contains("status_change oncall", text, StringComparison.Ordinal);
        var page = Assert.Single(Urls(text), u => u.Contains($"/incidents/{number}?", StringComparison.Ordinal));
        using var response = await _bot.Client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ResolveWithoutId_InTheIncidentsThread_ResolvesThatIncident()
    {
        // Lines pasted with a mention: the answer goes to that message's thread, which becomes the incident's thread.
        var openedAt = Ms(DateTimeOffset.UtcNow);
        using var open = await SendAsync(_bot, "/slack/events", Mention("Ev-open", "502 " + PastedLines, openedAt), "application/json");
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 1, Wait));
        var thread = (string)(await _db.QueryAsync("SELECT thread_ts FROM incidents"))[0]["thread_ts"]!;
        var outside = Ms(DateTimeOffset.UtcNow.AddMinutes(1));
        var inside = Ms(DateTimeOffset.UtcNow.AddMinutes(2));

        using var notInThread = await SendAsync(_bot, "/slack/events", Mention("Ev-out", "resolve", outside), "application/json");
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 2, Wait));
        Assert.Contains("No open incident belongs to this thread", _slack.CallsTo("chat.postMessage")[1].Body, StringComparison.Ordinal);
        Assert.Equal("open", (await _db.QueryAsync("SELECT status FROM incidents"))[0]["status"]);

        using var inThread = await SendAsync(_bot, "/slack/events", Mention("Ev-in", "resolve", inside, threadTs: thread), "application/json");
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 3, Wait));
        var incident = Assert.Single(await _db.QueryAsync("SELECT status, resolved_at FROM incidents"));
        Assert.Equal("resolved", incident["status"]);
        Assert.Equal(inside, Utc(incident["resolved_at"]));
    }

    private async Task<long> OpenIncidentAsync(string trigger, string? lines = null, string channel = "C1")
    {
        var before = _slack.CallsTo("chat.postMessage").Count;
        using var ack = await SendAsync(_bot, "/slack/commands", Command(lines ?? PastedLines, trigger, channel), "application/x-www-form-urlencoded");
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == before + 1, Wait));
        return (long)(await _db.QueryAsync("SELECT number FROM incidents ORDER BY number DESC LIMIT 1"))[0]["number"]!;
    }

    private Task<List<Dictionary<string, object?>>> EventsAsync() =>
        _db.QueryAsync("SELECT kind, occurred_at, actor, summary, pinned, idempotency_key FROM timeline_events ORDER BY occurred_at, id");

    private static Task<HttpResponseMessage> SendCommandAsync(IncidentBotHost bot, string text, string trigger) =>
        SendAsync(bot, "/slack/commands", Command(text, trigger), "application/x-www-form-urlencoded");

    private static Task<HttpResponseMessage> SendAsync(IncidentBotHost bot, string path, string body, string contentType, int? retryNum = null)
    {
        var request = BotHost.SignedRequest(path, body, contentType);
        if (retryNum is { } n)
        {
            request.Headers.Add("X-Slack-Retry-Num", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        }

        return bot.Client.SendAsync(request);
    }
}
