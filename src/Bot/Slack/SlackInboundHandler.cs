using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;

namespace Nginx502Bot.Bot.Slack;

/// <summary>
/// Turns Slack payloads (from HTTP endpoints or Socket Mode) into chat messages and actions, claims each delivery
/// once, and queues the work so the caller can acknowledge at once. Nothing here waits for a diagnosis.
/// </summary>
public sealed partial class SlackInboundHandler(
    ChatCommandRouter router,
    ChatBackgroundWork work,
    IDeliveryDeduplicator deduplicator,
    SlackReplierFactory repliers,
    IOptions<SlackOptions> options,
    ILogger<SlackInboundHandler> logger)
{
    public const string Channel = "slack";
    public const string BusyText = "The bot is busy; try again in a minute.";

    /// <summary>A slash command's form fields. Returns the text of the immediate (ephemeral) acknowledgement.</summary>
    public async Task<string> AcceptSlashCommandAsync(IReadOnlyDictionary<string, string> form, CancellationToken cancellationToken)
    {
        var key = "slack:command:" + Field(form, "trigger_id");
        if (form.ContainsKey("trigger_id") && !await deduplicator.TryClaimAsync(key, cancellationToken))
        {
            return "";
        }

        var thread = ChatThread.Root(new ChatConversation(Channel, Field(form, "channel_id")));
        var user = new ChatUser(Field(form, "user_id"), form.GetValueOrDefault("user_name"));
        var message = new ChatMessage(thread, user, SlackText.Unescape(Field(form, "text")), IsCommand: true, key);
        var replier = repliers.Create(form.GetValueOrDefault("response_url"));
        return work.TryEnqueue(ct => router.HandleMessageAsync(message, replier, ct)) ? "Working on it…" : BusyText;
    }

    /// <summary>An <c>event_callback</c> body: channel messages and app mentions.</summary>
    public async Task AcceptEventAsync(JsonElement body, CancellationToken cancellationToken)
    {
        if (Str(body, "type") != "event_callback" || !body.TryGetProperty("event", out var ev) || ToMessage(ev, Str(body, "event_id")) is not { } message)
        {
            return;
        }

        if (!await deduplicator.TryClaimAsync(message.DeliveryKey!, cancellationToken))
        {
            LogDuplicate(logger, message.DeliveryKey!);
            return;
        }

        var replier = repliers.Create(null);
        if (!work.TryEnqueue(ct => router.HandleMessageAsync(message, replier, ct)))
        {
            LogBusy(logger, message.DeliveryKey!);
        }
    }

    /// <summary>An interactivity payload; only <c>block_actions</c> from our buttons are handled.</summary>
    public async Task AcceptInteractionAsync(JsonElement payload, CancellationToken cancellationToken)
    {
        if (Str(payload, "type") != "block_actions" || !payload.TryGetProperty("actions", out var actions))
        {
            return;
        }

        var userId = payload.TryGetProperty("user", out var u) ? Str(u, "id") : null;
        var channel = payload.TryGetProperty("channel", out var c) ? Str(c, "id") : null;
        var msg = payload.TryGetProperty("message", out var m) ? m : default;
        if (userId is null || channel is null || msg.ValueKind != JsonValueKind.Object || actions.ValueKind != JsonValueKind.Array)
        {
            // Presses on ephemeral messages carry no message; nothing to answer in.
            return;
        }

        var user = new ChatUser(userId, Str(u, "username"));

        var messageRef = new ChatMessageRef(new ChatThread(new ChatConversation(Channel, channel), Str(msg, "thread_ts")), Str(msg, "ts") ?? "");
        var replier = repliers.Create(Str(payload, "response_url"));
        foreach (var action in actions.EnumerateArray())
        {
            var key = $"slack:action:{channel}:{messageRef.Id}:{Str(action, "action_id")}:{Str(action, "action_ts")}:{user.Id}";
            if (await deduplicator.TryClaimAsync(key, cancellationToken))
            {
                var chatAction = new ChatAction(Str(action, "action_id") ?? "", Str(action, "value") ?? "", user, messageRef);
                work.TryEnqueue(ct => router.HandleActionAsync(chatAction, replier, ct));
            }
        }
    }

    /// <summary>
    /// Plain user messages become overheard messages answered in their thread; app mentions become commands.
    /// Bot messages (ours included), edits, deletions and joins are ignored.
    /// </summary>
    private ChatMessage? ToMessage(JsonElement ev, string? eventId)
    {
        var type = Str(ev, "type");
        var text = Str(ev, "text");
        var channel = Str(ev, "channel");
        var user = Str(ev, "user");
        if (eventId is null || text is null || channel is null || user is null || ev.TryGetProperty("bot_id", out _)
            || Str(ev, "subtype") is { } subtype && subtype != "file_share" || user == options.Value.BotUserId)
        {
            return null;
        }

        var thread = new ChatThread(new ChatConversation(Channel, channel), Str(ev, "thread_ts") ?? Str(ev, "ts"));
        var key = "slack:event:" + eventId;
        if (type == "app_mention")
        {
            return new ChatMessage(thread, new ChatUser(user), SlackText.Unescape(SlackText.StripMention(text)), IsCommand: true, key);
        }

        // A mention also arrives as app_mention; answering both would answer twice.
        var mentionsUs = options.Value.BotUserId is { } botId && SlackText.Mentions(text, botId);
        return type == "message" && !mentionsUs ? new ChatMessage(thread, new ChatUser(user), SlackText.Unescape(text), IsCommand: false, key) : null;
    }

    private static string Field(IReadOnlyDictionary<string, string> form, string name) => form.GetValueOrDefault(name) ?? "";

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Ignored a repeated delivery {DeliveryKey}")]
    private static partial void LogDuplicate(ILogger logger, string deliveryKey);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Work queue full; dropped {DeliveryKey}")]
    private static partial void LogBusy(ILogger logger, string deliveryKey);
}
