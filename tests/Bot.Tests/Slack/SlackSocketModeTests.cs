using System.Text.Json;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Tests.Slack;

/// <summary>Socket Mode against the local WebSocket server: acks, a disconnect with reconnect, a redelivery answered once.</summary>
public sealed class SlackSocketModeTests : IAsyncLifetime
{
    private LocalSlackServer _slack = null!;
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _slack = await LocalSlackServer.StartAsync();
        _bot = await BotHost.StartAsync(_slack, socketMode: true);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _slack.DisposeAsync();
    }

    private static string EventsApi(string envelopeId, string eventId, string text, int retryAttempt = 0) => JsonSerializer.Serialize(new
    {
        envelope_id = envelopeId,
        type = "events_api",
        accepts_response_payload = false,
        retry_attempt = retryAttempt,
        retry_reason = retryAttempt == 0 ? "" : "timeout",
        payload = new
        {
            type = "event_callback",
            event_id = eventId,
            @event = new { type = "app_mention", user = "U1", channel = "C1", ts = "1700000000.000050", text },
        },
    });

    [Fact]
    public async Task DisconnectThenReconnect_AcksEveryEnvelope_AndRedeliveryAnsweredOnce()
    {
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.SocketConnections == 1, TimeSpan.FromSeconds(10)));
        await _slack.SocketOutbox.Writer.WriteAsync(EventsApi("env-1", "Ev-A", "<@UBOT> agents"));
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.SocketAcks.Contains("env-1"), TimeSpan.FromSeconds(10)));

        await _slack.SocketOutbox.Writer.WriteAsync("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"local"}}""");
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.SocketConnections == 2, TimeSpan.FromSeconds(10)), "no reconnect after disconnect");
        Assert.Equal(2, _slack.CallsTo("apps.connections.open").Count);

        await _slack.SocketOutbox.Writer.WriteAsync(EventsApi("env-2", "Ev-A", "<@UBOT> agents", retryAttempt: 1));
        await _slack.SocketOutbox.Writer.WriteAsync(EventsApi("env-3", "Ev-B", "<@UBOT> agents"));
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.SocketAcks.Contains("env-3"), TimeSpan.FromSeconds(10)));
        Assert.Contains("env-2", _slack.SocketAcks);

        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count >= 2, TimeSpan.FromSeconds(10)));
        await Task.Delay(500);
        Assert.Equal(2, _slack.CallsTo("chat.postMessage").Count);
    }

    [Fact]
    public async Task SlashCommandEnvelope_AckCarriesResponsePayloadAndAnswerIsPosted()
    {
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.SocketConnections == 1, TimeSpan.FromSeconds(10)));
        var envelope = JsonSerializer.Serialize(new
        {
            envelope_id = "env-cmd",
            type = "slash_commands",
            accepts_response_payload = true,
            payload = new { command = "/502", text = NginxLines.SocketMissing, user_id = "U1", channel_id = "C9", trigger_id = "trig-1" },
        });

        await _slack.SocketOutbox.Writer.WriteAsync(envelope);

        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.SocketAcks.Contains("env-cmd"), TimeSpan.FromSeconds(10)));
        Assert.True(await LocalSlackServer.WaitUntilAsync(() => _slack.CallsTo("chat.postMessage").Count == 1, TimeSpan.FromSeconds(10)));
        Assert.Contains("unix_socket_missing", _slack.CallsTo("chat.postMessage")[0].Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
