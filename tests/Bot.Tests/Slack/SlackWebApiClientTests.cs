using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Nginx502Bot.Bot.Slack;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Tests.Slack;

public sealed class SlackWebApiClientTests : IAsyncLifetime
{
    private LocalSlackServer _slack = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _slack = await LocalSlackServer.StartAsync();
        _http = new HttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _slack.DisposeAsync();
    }

    private SlackWebApiClient Client(string token = LocalSlackServer.BotToken, int maxRetries = 3, TimeSpan? maxWait = null) =>
        new(_http, Options.Create(new SlackOptions
        {
            BotToken = token,
            AppToken = LocalSlackServer.AppToken,
            ApiBaseUrl = _slack.ApiBaseUrl,
            MaxRetries = maxRetries,
            MaxRetryWait = maxWait ?? TimeSpan.FromSeconds(30),
        }), TimeProvider.System);

    [Fact]
    public async Task RateLimited_WaitsRetryAfterThenSucceeds()
    {
        _slack.RateLimit("chat.postMessage", 2);
        _slack.RetryAfterSeconds = 1;
        var watch = Stopwatch.StartNew();

        var ts = await Client().PostMessageAsync("C1", null, "hello", null, CancellationToken.None);

        Assert.False(string.IsNullOrEmpty(ts));
        Assert.Equal(3, _slack.CallsTo("chat.postMessage").Count);
        var calls = _slack.CallsTo("chat.postMessage");
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(900), "second attempt came before Retry-After");
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(1.8));
    }

    [Fact]
    public async Task RateLimitedBeyondMaxRetries_ThrowsRatelimited()
    {
        _slack.RateLimit("chat.postMessage", 5);
        _slack.RetryAfterSeconds = 0;

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Client(maxRetries: 2).PostMessageAsync("C1", null, "hello", null, CancellationToken.None));

        Assert.Equal("ratelimited", ex.Error);
        Assert.Equal(3, _slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task RetryAfterLongerThanAllowed_GivesUpWithoutWaiting()
    {
        _slack.RateLimit("chat.update", 1);
        _slack.RetryAfterSeconds = 120;
        var watch = Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Client(maxWait: TimeSpan.FromSeconds(5)).UpdateMessageAsync("C1", "1.2", "x", null, CancellationToken.None));

        Assert.Equal("ratelimited", ex.Error);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task OkFalse_SurfacesSlackErrorCode()
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Client().PostMessageAsync(LocalSlackServer.UnknownChannel, null, "x", null, CancellationToken.None));

        Assert.Equal("channel_not_found", ex.Error);
        Assert.Equal("chat.postMessage", ex.Method);
    }

    [Fact]
    public async Task WrongToken_SurfacesInvalidAuth()
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Client(token: "xoxb-wrong").AddReactionAsync("C1", "1.2", "eyes", CancellationToken.None));

        Assert.Equal("invalid_auth", ex.Error);
    }

    [Fact]
    public async Task UpdateOfUnknownMessage_SurfacesMessageNotFound()
    {
        var ex = await Assert.ThrowsAsync<SlackApiException>(() => Client().UpdateMessageAsync("C1", "1.999", "x", null, CancellationToken.None));

        Assert.Equal("message_not_found", ex.Error);
    }

    [Fact]
    public async Task PostMessage_SendsJsonWithBearerAndThread()
    {
        var blocks = new JsonArray(new JsonObject { ["type"] = "divider" });

        await Client().PostMessageAsync("C1", "1700000000.000001", "hi", blocks, CancellationToken.None);

        var call = Assert.Single(_slack.CallsTo("chat.postMessage"));
        Assert.StartsWith("application/json", call.ContentType, StringComparison.Ordinal);
        Assert.Equal("Bearer " + LocalSlackServer.BotToken, call.Authorization);
        Assert.Equal("1700000000.000001", call.Json["thread_ts"]!.GetValue<string>());
        Assert.Equal("divider", call.Json["blocks"]![0]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadMethods_UseFormBodiesAndReturnObjects()
    {
        var channel = await Client().ConversationInfoAsync("C1", CancellationToken.None);
        var user = await Client().UserInfoAsync("U1", CancellationToken.None);

        Assert.Equal("C1", channel.GetProperty("id").GetString());
        Assert.Equal("U1", user.GetProperty("id").GetString());
        Assert.StartsWith("application/x-www-form-urlencoded", _slack.CallsTo("users.info")[0].ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadTextFile_UsesExternalUploadFlow()
    {
        var fileId = await Client().UploadTextFileAsync("C1", "1.1", "evidence.txt", "Evidence", "line 1\nline 2", CancellationToken.None);

        Assert.StartsWith("F", fileId, StringComparison.Ordinal);
        Assert.Equal(["files.getUploadURLExternal", "upload", "files.completeUploadExternal"], _slack.Calls.Select(c => c.Method));
        Assert.Equal("line 1\nline 2", _slack.CallsTo("upload")[0].Body);
        var complete = _slack.CallsTo("files.completeUploadExternal")[0].Json;
        Assert.Equal("C1", complete["channel_id"]!.GetValue<string>());
        Assert.Equal("1.1", complete["thread_ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task OpenSocketMode_UsesAppToken()
    {
        var url = await Client().OpenSocketModeConnectionAsync(CancellationToken.None);

        Assert.Equal("ws", url.Scheme);
        Assert.Equal("Bearer " + LocalSlackServer.AppToken, _slack.CallsTo("apps.connections.open")[0].Authorization);
    }
}
