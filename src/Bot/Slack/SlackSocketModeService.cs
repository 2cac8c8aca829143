using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Slack;

/// <summary>
/// Socket Mode transport: asks apps.connections.open for a fresh single-use URL, reads envelopes over a WebSocket,
/// acknowledges each (<c>{"envelope_id": …}</c>) before queueing its work, and reconnects with a fresh URL on
/// <c>disconnect</c> (at once) or on errors (with doubling backoff up to <see cref="SlackOptions.MaxReconnectDelay"/>).
/// </summary>
public sealed partial class SlackSocketModeService(
    SlackWebApiClient client,
    SlackInboundHandler inbound,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackSocketModeService> logger) : BackgroundService
{
    private const int MaxMessageBytes = 4 << 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = options.Value.ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var refreshed = await RunConnectionAsync(() => delay = options.Value.ReconnectDelay, stoppingToken);
                if (refreshed)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogConnectionFailed(logger, ex.Message, delay);
            }

            await Task.Delay(delay, time, stoppingToken);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.MaxReconnectDelay.Ticks));
        }
    }

    /// <summary>One connection's life. True when Slack asked us to reconnect (disconnect message): do so at once.</summary>
    private async Task<bool> RunConnectionAsync(Action onHello, CancellationToken stoppingToken)
    {
        var url = await client.OpenSocketModeConnectionAsync(stoppingToken);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(url, stoppingToken);
        LogConnected(logger);
        while (socket.State == WebSocketState.Open)
        {
            var text = await ReceiveTextAsync(socket, stoppingToken);
            if (text is null)
            {
                return false;
            }

            using var document = JsonDocument.Parse(text);
            var envelope = document.RootElement;
            switch (envelope.TryGetProperty("type", out var t) ? t.GetString() : null)
            {
                case "hello":
                    onHello();
                    break;
                case "disconnect":
                    LogDisconnect(logger, envelope.TryGetProperty("reason", out var r) ? r.GetString() ?? "" : "");
                    await CloseQuietlyAsync(socket);
                    return true;
                default:
                    await HandleEnvelopeAsync(socket, envelope, stoppingToken);
                    break;
            }
        }

        return false;
    }

    private async Task HandleEnvelopeAsync(ClientWebSocket socket, JsonElement envelope, CancellationToken cancellationToken)
    {
        if (!envelope.TryGetProperty("envelope_id", out var id) || !envelope.TryGetProperty("payload", out var payload))
        {
            return;
        }

        var type = envelope.GetProperty("type").GetString();
        var ack = new JsonObject { ["envelope_id"] = id.GetString() };
        if (type == "slash_commands")
        {
            var form = payload.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String)
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
            var text = await inbound.AcceptSlashCommandAsync(form, cancellationToken);
            if (text.Length > 0)
            {
                ack["payload"] = new JsonObject { ["response_type"] = "ephemeral", ["text"] = text };
            }

            await SendAsync(socket, ack, cancellationToken);
            return;
        }

        // Ack first: Slack redelivers envelopes not acknowledged within 3 s; queueing the work is quick anyway.
        await SendAsync(socket, ack, cancellationToken);
        if (type == "events_api")
        {
            await inbound.AcceptEventAsync(payload, cancellationToken);
        }
        else if (type == "interactive")
        {
            await inbound.AcceptInteractionAsync(payload, cancellationToken);
        }
    }

    private static async Task<string?> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(socket);
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                throw new InvalidDataException("Socket Mode message too large");
            }

            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, JsonObject body, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The peer may already be gone; we reconnect either way.
        }
    }

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Socket Mode connected")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "Socket Mode disconnect requested ({Reason}); reconnecting")]
    private static partial void LogDisconnect(ILogger logger, string reason);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Warning, Message = "Socket Mode connection failed: {Error}; retrying in {Delay}")]
    private static partial void LogConnectionFailed(ILogger logger, string error, TimeSpan delay);
}
