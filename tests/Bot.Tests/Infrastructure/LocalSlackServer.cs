using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nginx502Bot.Bot.Tests.Infrastructure;

/// <summary>
/// A small, honest stand-in for slack.com on 127.0.0.1: real HTTP (Kestrel), the Web API methods the bot uses with
/// Slack's response shapes and error codes (not_authed, invalid_auth, channel_not_found, message_not_found,
/// invalid_blocks), HTTP 429 with Retry-After on request, file upload URLs, response_url endpoints, and a Socket Mode
/// WebSocket that the test scripts. Every request is recorded.
/// </summary>
public sealed class LocalSlackServer : IAsyncDisposable
{
    public const string BotToken = "xoxb-local-test";
    public const string AppToken = "xapp-local-test";
    public const string UnknownChannel = "C_UNKNOWN";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedCall> _calls = new();
    private readonly ConcurrentDictionary<string, int> _rateLimits = new();
    private readonly ConcurrentDictionary<string, string> _messages = new();
    private readonly ConcurrentQueue<string> _acks = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private long _ts = 1_700_000_000_000_100;
    private int _socketConnections;

    private LocalSlackServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string ApiBaseUrl => BaseUrl + "/api/";

    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Messages the test wants the Socket Mode server to send, in order, to whichever connection is open.</summary>
    public Channel<string> SocketOutbox { get; } = Channel.CreateUnbounded<string>();

    public int SocketConnections => Volatile.Read(ref _socketConnections);

    public IReadOnlyList<string> SocketAcks => [.. _acks];

    public IReadOnlyList<RecordedCall> Calls => [.. _calls];

    /// <summary>Every <c>ok:false</c> answer the server gave, as "method: error".</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    public IReadOnlyList<RecordedCall> CallsTo(string method) => [.. _calls.Where(c => c.Method == method)];

    public string ResponseUrl(string id) => $"{BaseUrl}/response/{id}";

    /// <summary>The next <paramref name="times"/> calls to <paramref name="method"/> get HTTP 429 with Retry-After.</summary>
    public void RateLimit(string method, int times) => _rateLimits[method] = times;

    public static async Task<LocalSlackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalSlackServer(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", server.ApiAsync);
        app.MapPost("/upload/{id}", server.UploadAsync);
        app.MapPost("/response/{id}", server.ResponseAsync);
        app.Map("/socket", server.SocketAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the timeout passes; returns whether it held.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition();
    }

    public async ValueTask DisposeAsync()
    {
        SocketOutbox.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ApiAsync(string method, HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var auth = http.Request.Headers.Authorization.ToString();
        _calls.Enqueue(new RecordedCall(method, body, http.Request.ContentType, auth, DateTimeOffset.UtcNow));
        if (_rateLimits.TryGetValue(method, out var left) && left > 0 && _rateLimits.TryUpdate(method, left - 1, left))
        {
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        var args = Arguments(body, http.Request.ContentType);
        var expectedToken = method == "apps.connections.open" ? AppToken : BotToken;
        if (auth.Length == 0)
        {
            _errors.Enqueue($"{method}: not_authed");
            return Error("not_authed");
        }

        var answer = auth != "Bearer " + expectedToken ? ErrorBody("invalid_auth") : Answer(method, args);
        if (answer["ok"]!.GetValue<bool>() == false)
        {
            _errors.Enqueue($"{method}: {answer["error"]}");
        }

        return Results.Json(answer);
    }

    private JsonObject Answer(string method, JsonObject args)
    {
        var channel = args["channel"]?.GetValue<string>() ?? args["channel_id"]?.GetValue<string>();
        if (method is "chat.postMessage" or "chat.update" or "chat.postEphemeral" or "conversations.info" or "reactions.add" && (channel is null || channel == UnknownChannel))
        {
            return ErrorBody("channel_not_found");
        }

        if (args["blocks"] is JsonArray blocks && blocks.Count > 50)
        {
            return ErrorBody("invalid_blocks");
        }

        return method switch
        {
            "chat.postMessage" => PostMessage(channel!, args),
            "chat.update" => _messages.ContainsKey(channel + "/" + args["ts"]?.GetValue<string>())
                ? new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = args["ts"]?.GetValue<string>() }
                : ErrorBody("message_not_found"),
            "chat.postEphemeral" => new JsonObject { ["ok"] = true, ["message_ts"] = NextTs() },
            "reactions.add" => new JsonObject { ["ok"] = true },
            "conversations.info" => new JsonObject { ["ok"] = true, ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "ops" } },
            "users.info" => new JsonObject { ["ok"] = true, ["user"] = new JsonObject { ["id"] = args["user"]?.GetValue<string>(), ["name"] = "operator" } },
            "files.getUploadURLExternal" => new JsonObject { ["ok"] = true, ["upload_url"] = $"{BaseUrl}/upload/F{NextTs()}", ["file_id"] = "F" + NextTs() },
            "files.completeUploadExternal" => new JsonObject { ["ok"] = true, ["files"] = args["files"]?.DeepClone() },
            "apps.connections.open" => new JsonObject { ["ok"] = true, ["url"] = BaseUrl.Replace("http://", "ws://") + "/socket" },
            _ => ErrorBody("unknown_method"),
        };
    }

    private JsonObject PostMessage(string channel, JsonObject args)
    {
        if (args["text"] is null && args["blocks"] is null)
        {
            return ErrorBody("no_text");
        }

        var ts = NextTs();
        _messages[channel + "/" + ts] = args.ToJsonString();
        return new JsonObject { ["ok"] = true, ["channel"] = channel, ["ts"] = ts };
    }

    private async Task<IResult> UploadAsync(string id, HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        _calls.Enqueue(new RecordedCall("upload", body, http.Request.ContentType, null, DateTimeOffset.UtcNow));
        return Results.Text($"OK - {body.Length}");
    }

    private async Task<IResult> ResponseAsync(string id, HttpContext http)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        _calls.Enqueue(new RecordedCall("response_url", body, http.Request.ContentType, null, DateTimeOffset.UtcNow));
        return Results.Text("ok");
    }

    /// <summary>Sends hello, then whatever the test queues; records acks. After sending a disconnect it waits for the client to close.</summary>
    private async Task SocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref _socketConnections);
        await SendAsync(socket, """{"type":"hello","num_connections":1,"connection_info":{"app_id":"A1"}}""");
        var reading = ReadAcksAsync(socket);
        await foreach (var message in SocketOutbox.Reader.ReadAllAsync(http.RequestAborted))
        {
            await SendAsync(socket, message);
            if (message.Contains("\"disconnect\"", StringComparison.Ordinal))
            {
                break;
            }
        }

        await reading.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private async Task ReadAcksAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                return;
            }

            using var ack = JsonDocument.Parse(buffer.AsMemory(0, result.Count));
            _acks.Enqueue(ack.RootElement.GetProperty("envelope_id").GetString()!);
        }
    }

    private static Task SendAsync(WebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static JsonObject Arguments(string body, string? contentType)
    {
        if (contentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            return JsonNode.Parse(body)?.AsObject() ?? [];
        }

        var args = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(body))
        {
            args[key] = value.ToString();
        }

        return args;
    }

    private string NextTs()
    {
        var n = Interlocked.Increment(ref _ts);
        return $"{n / 1_000_000}.{n % 1_000_000:D6}";
    }

    private static JsonObject ErrorBody(string error) => new() { ["ok"] = false, ["error"] = error };

    private static IResult Error(string error) => Results.Json(ErrorBody(error));
}
