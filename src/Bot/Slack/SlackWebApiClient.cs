using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Slack;

/// <summary>
/// Our own Slack Web API client (no Slack SDK is available). Bearer token, JSON bodies for write methods, form bodies
/// for the methods Slack only accepts that way; <c>ok:false</c> becomes <see cref="SlackApiException"/> with Slack's
/// error code; HTTP 429 waits for <c>Retry-After</c> (bounded by <see cref="SlackOptions.MaxRetryWait"/>) up to
/// <see cref="SlackOptions.MaxRetries"/> times.
/// </summary>
public sealed partial class SlackWebApiClient(HttpClient http, IOptions<SlackOptions> options, TimeProvider time)
{
    private SlackOptions Options => options.Value;

    /// <summary>Posts a message; returns its <c>ts</c>.</summary>
    public async Task<string> PostMessageAsync(string channel, string? threadTs, string text, JsonArray? blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["text"] = text, ["unfurl_links"] = false, ["unfurl_media"] = false };
        AddOptional(body, "thread_ts", threadTs);
        AddBlocks(body, blocks);
        var result = await CallJsonAsync("chat.postMessage", body, Options.BotToken, cancellationToken);
        return result.GetProperty("ts").GetString() ?? throw new SlackApiException("chat.postMessage", "missing_ts");
    }

    public Task UpdateMessageAsync(string channel, string ts, string text, JsonArray? blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text };
        AddBlocks(body, blocks);
        return CallJsonAsync("chat.update", body, Options.BotToken, cancellationToken);
    }

    public Task PostEphemeralAsync(string channel, string user, string? threadTs, string text, JsonArray? blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["user"] = user, ["text"] = text };
        AddOptional(body, "thread_ts", threadTs);
        AddBlocks(body, blocks);
        return CallJsonAsync("chat.postEphemeral", body, Options.BotToken, cancellationToken);
    }

    public Task AddReactionAsync(string channel, string ts, string name, CancellationToken cancellationToken) =>
        CallJsonAsync("reactions.add", new JsonObject { ["channel"] = channel, ["timestamp"] = ts, ["name"] = name }, Options.BotToken, cancellationToken);

    /// <summary>The <c>channel</c> object of conversations.info (form-encoded: Slack does not take JSON here).</summary>
    public async Task<JsonElement> ConversationInfoAsync(string channel, CancellationToken cancellationToken) =>
        (await CallFormAsync("conversations.info", new() { ["channel"] = channel }, Options.BotToken, cancellationToken)).GetProperty("channel");

    /// <summary>The <c>user</c> object of users.info.</summary>
    public async Task<JsonElement> UserInfoAsync(string user, CancellationToken cancellationToken) =>
        (await CallFormAsync("users.info", new() { ["user"] = user }, Options.BotToken, cancellationToken)).GetProperty("user");

    /// <summary>
    /// Uploads a text file into a conversation (optionally a thread) the current way: files.getUploadURLExternal,
    /// POST the bytes to the returned URL, then files.completeUploadExternal. Returns the file id.
    /// </summary>
    public async Task<string> UploadTextFileAsync(string channel, string? threadTs, string fileName, string title, string content, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var ticket = await CallFormAsync("files.getUploadURLExternal",
            new() { ["filename"] = fileName, ["length"] = bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            Options.BotToken, cancellationToken);
        var uploadUrl = ticket.GetProperty("upload_url").GetString()!;
        var fileId = ticket.GetProperty("file_id").GetString()!;
        using (var response = await SendAsync("files.upload", () => new HttpRequestMessage(HttpMethod.Post, uploadUrl) { Content = new ByteArrayContent(bytes) }, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new SlackApiException("files.upload", $"http_{(int)response.StatusCode}");
            }
        }

        var complete = new JsonObject
        {
            ["files"] = new JsonArray(new JsonObject { ["id"] = fileId, ["title"] = title }),
            ["channel_id"] = channel,
        };
        AddOptional(complete, "thread_ts", threadTs);
        await CallJsonAsync("files.completeUploadExternal", complete, Options.BotToken, cancellationToken);
        return fileId;
    }

    /// <summary>apps.connections.open with the app-level token: a single-use WebSocket URL for Socket Mode.</summary>
    public async Task<Uri> OpenSocketModeConnectionAsync(CancellationToken cancellationToken)
    {
        var result = await CallFormAsync("apps.connections.open", [], Options.AppToken, cancellationToken);
        return new Uri(result.GetProperty("url").GetString() ?? throw new SlackApiException("apps.connections.open", "missing_url"));
    }

    /// <summary>Posts to a slash command's or action's <c>response_url</c> (no token: the URL is the credential).</summary>
    public async Task PostToResponseUrlAsync(string responseUrl, JsonObject body, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        using var response = await SendAsync("response_url",
            () => new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = new StringContent(json, Encoding.UTF8, "application/json") },
            cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}");
        }
    }

    /// <summary>Any JSON-bodied Web API method; returns the whole response when <c>ok</c> is true.</summary>
    public async Task<JsonElement> CallJsonAsync(string method, JsonObject body, string token, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        using var response = await SendAsync(method, () => Request(method, token, new StringContent(json, Encoding.UTF8, "application/json")), cancellationToken);
        return await ReadResultAsync(method, response, cancellationToken);
    }

    /// <summary>Any form-bodied Web API method (the read methods and file tickets accept only this).</summary>
    public async Task<JsonElement> CallFormAsync(string method, Dictionary<string, string> fields, string token, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(method, () => Request(method, token, new FormUrlEncodedContent(fields)), cancellationToken);
        return await ReadResultAsync(method, response, cancellationToken);
    }

    private HttpRequestMessage Request(string method, string token, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(EnsureSlash(Options.ApiBaseUrl)), method)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(string method, Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = build();
            var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                return response;
            }

            var wait = RetryAfter(response);
            response.Dispose();
            if (attempt >= Options.MaxRetries || wait > Options.MaxRetryWait)
            {
                throw new SlackApiException(method, "ratelimited");
            }

            await Task.Delay(wait, time, cancellationToken);
        }
    }

    /// <summary>Slack sends Retry-After in seconds; a missing header means "retry after a second".</summary>
    private TimeSpan RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter?.Delta
        ?? (response.Headers.RetryAfter?.Date is { } date ? (TimeSpan?)(date - time.GetUtcNow()) : null)
        ?? TimeSpan.FromSeconds(1);

    private static async Task<JsonElement> ReadResultAsync(string method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(method, $"http_{(int)response.StatusCode}");
        }

        var result = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        if (result.ValueKind != JsonValueKind.Object || !result.TryGetProperty("ok", out var ok))
        {
            throw new SlackApiException(method, "invalid_response");
        }

        return ok.GetBoolean()
            ? result
            : throw new SlackApiException(method, result.TryGetProperty("error", out var error) ? error.GetString() ?? "unknown_error" : "unknown_error");
    }

    private static void AddOptional(JsonObject body, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            body[name] = value;
        }
    }

    private static void AddBlocks(JsonObject body, JsonArray? blocks)
    {
        if (blocks is not null)
        {
            body["blocks"] = blocks;
        }
    }

    private static string EnsureSlash(string url) => url.EndsWith('/') ? url : url + "/";
}
