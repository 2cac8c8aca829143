using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// Turns authenticated activities into chat messages and actions for the same <see cref="ChatCommandRouter"/> Slack
/// uses, claims each delivery once, and queues the work so the connector gets its answer at once.
/// <c>@bot 502 …</c> and personal chats are commands; other messages (heard with channel-message permission) are
/// overheard pastes. Card buttons arrive as <c>invoke</c> (<c>Action.Execute</c>) or as a message with a value (<c>Action.Submit</c>).
/// </summary>
public sealed partial class TeamsInboundHandler(
    ChatCommandRouter router,
    ChatBackgroundWork work,
    IDeliveryDeduplicator deduplicator,
    TeamsChatReplier replier,
    TeamsConversationDirectory conversations,
    ILogger<TeamsInboundHandler> logger) : ITeamsActivityHandler
{
    public const string Channel = "teams";
    public const string InvokeAck = "Working on it…";
    public const string WelcomeText =
        "I diagnose nginx 502s. Mention me with `502` and a site, host or pasted nginx error-log lines; `502 help` lists the commands.";

    private const string CardAction = "adaptiveCard/action";

    public async Task<IResult> HandleAsync(TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.FromId == activity.RecipientId || activity.ServiceUrl is null)
        {
            return Results.Ok();
        }

        var (channel, root) = TeamsConversation.Split(activity.ConversationId);
        await conversations.RememberAsync(channel, new TeamsConversation(activity.ServiceUrl, activity.ConversationType == "channel"), cancellationToken);
        return activity.Type switch
        {
            TeamsActivity.Message when ActionOf(activity.Value) is { } action => await AcceptActionAsync(activity, channel, root, action, cancellationToken),
            TeamsActivity.Message => await AcceptMessageAsync(activity, channel, root, cancellationToken),
            TeamsActivity.Invoke => await AcceptInvokeAsync(activity, channel, root, cancellationToken),
            TeamsActivity.ConversationUpdate => Welcome(activity, channel),
            _ => Results.Ok(),
        };
    }

    private async Task<IResult> AcceptMessageAsync(TeamsActivity activity, string channel, string? root, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(activity.Text) || !await ClaimAsync("message", activity, cancellationToken))
        {
            return Results.Ok();
        }

        var isCommand = activity.ConversationType == "personal" || activity.MentionsRecipient;
        var text = isCommand ? TeamsText.CommandText(activity.Text) : TeamsText.Normalize(activity.Text);
        var thread = new ChatThread(new ChatConversation(Channel, channel), root ?? activity.Id);
        var message = new ChatMessage(thread, new ChatUser(activity.FromId, activity.FromName), text, isCommand, Key("message", activity));
        Enqueue(ct => router.HandleMessageAsync(message, replier, ct), activity);
        return Results.Ok();
    }

    private async Task<IResult> AcceptActionAsync(TeamsActivity activity, string channel, string? root, (string Verb, string Value) action, CancellationToken cancellationToken)
    {
        if (await ClaimAsync("action", activity, cancellationToken))
        {
            var thread = new ChatThread(new ChatConversation(Channel, channel), root);
            var source = new ChatMessageRef(thread, activity.ReplyToId ?? "", activity.ServiceUrl);
            var chatAction = new ChatAction(action.Verb, action.Value, new ChatUser(activity.FromId, activity.FromName), source,
                DeliveryKey: Key("action", activity));
            Enqueue(ct => router.HandleActionAsync(chatAction, replier, ct), activity);
        }

        return Results.Ok();
    }

    private async Task<IResult> AcceptInvokeAsync(TeamsActivity activity, string channel, string? root, CancellationToken cancellationToken)
    {
        if (activity.Name != CardAction || ActionOf(InvokeAction(activity.Value)) is not { } action)
        {
            return Results.Ok();
        }

        await AcceptActionAsync(activity, channel, root, action, cancellationToken);
        return InvokeResponse();
    }

    /// <summary>When the bot itself is added to a conversation it says how to ask; other members joining get nothing.</summary>
    private IResult Welcome(TeamsActivity activity, string channel)
    {
        if (activity.RecipientId is not null && activity.MembersAdded.Contains(activity.RecipientId, StringComparer.Ordinal))
        {
            var thread = ChatThread.Root(new ChatConversation(Channel, channel));
            Enqueue(ct => replier.PostAsync(thread, ChatReply.Plain(WelcomeText), ct), activity);
        }

        return Results.Ok();
    }

    /// <summary>Action.Execute answers with a message the client shows; the real answer follows in the thread.</summary>
    private static IResult InvokeResponse() =>
        Results.Json(new { statusCode = 200, type = "application/vnd.microsoft.activity.message", value = InvokeAck });

    private async Task<bool> ClaimAsync(string kind, TeamsActivity activity, CancellationToken cancellationToken)
    {
        if (activity.Id is null)
        {
            return true;
        }

        var claimed = await deduplicator.TryClaimAsync(Key(kind, activity), cancellationToken);
        if (!claimed)
        {
            LogDuplicate(logger, activity.Id);
        }

        return claimed;
    }

    private static string Key(string kind, TeamsActivity activity) => $"teams:{kind}:{activity.ConversationId}:{activity.Id}";

    private void Enqueue(Func<CancellationToken, Task> job, TeamsActivity activity)
    {
        if (!work.TryEnqueue(job))
        {
            LogBusy(logger, activity.Id ?? "(no id)");
        }
    }

    /// <summary>The <c>action</c> object of an <c>adaptiveCard/action</c> invoke value: <c>{verb, data}</c>.</summary>
    private static JsonElement? InvokeAction(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object ? action : null;

    /// <summary>
    /// Our buttons carry <c>{"action": id, "value": …}</c> as data; Action.Execute also names the id as its verb.
    /// Accepts either the action object of an invoke or the value of an Action.Submit message.
    /// </summary>
    private static (string Verb, string Value)? ActionOf(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e)
        {
            return null;
        }

        var data = e.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : e;
        var verb = TeamsActivity.Str(e, "verb") ?? TeamsActivity.Str(data, "action");
        return verb is null ? null : (verb, TeamsActivity.Str(data, "value") ?? "");
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Ignored a repeated Teams activity {ActivityId}")]
    private static partial void LogDuplicate(ILogger logger, string activityId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Work queue full; dropped Teams activity {ActivityId}")]
    private static partial void LogBusy(ILogger logger, string activityId);
}
