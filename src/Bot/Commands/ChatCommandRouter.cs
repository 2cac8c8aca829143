using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary>
/// The one entry point every channel calls: explicit commands, overheard messages and button presses.
/// Channels convert their wire payloads to <see cref="ChatMessage"/>/<see cref="ChatAction"/> and supply their replier.
/// </summary>
public sealed class ChatCommandRouter(IEnumerable<ICommandHandler> handlers, IChannelOptOut optOut, IIncidentCommands incidents, RerunMemory rerun)
{
    private readonly Dictionary<CommandKind, ICommandHandler> _handlers =
        handlers.SelectMany(h => h.Kinds.Select(k => (k, h))).ToDictionary(p => p.k, p => p.h);

    /// <summary>An explicit command always gets an answer; an overheard message only when it holds upstream error lines and the channel has not opted out.</summary>
    public async Task HandleMessageAsync(ChatMessage message, IChatReplier replier, CancellationToken cancellationToken)
    {
        if (!message.IsCommand && !await ShouldAnswerOverheardAsync(message, cancellationToken))
        {
            return;
        }

        var command = message.IsCommand ? CommandParser.Parse(message.Text) : new ParsedCommand(CommandKind.Paste, message.Text);
        await _handlers[command.Kind].HandleAsync(new CommandContext(message, replier), command, cancellationToken);
    }

    /// <summary>Re-run replays the original command in the answer's thread; Mark resolved and Show timeline go to incidents.</summary>
    public async Task HandleActionAsync(ChatAction action, IChatReplier replier, CancellationToken cancellationToken)
    {
        var thread = action.Message.Thread with { ThreadId = action.Message.Thread.ThreadId ?? action.Message.Id };
        switch (action.ActionId)
        {
            case ChatActionIds.Rerun:
                await RerunAsync(action, thread, replier, cancellationToken);
                break;
            case ChatActionIds.Resolve or ChatActionIds.Timeline:
                var reply = await IncidentActionAsync(action, cancellationToken);
                await replier.PostAsync(thread, reply, cancellationToken);
                break;
            default:
                break;
        }
    }

    /// <summary>A message marked for the timeline (emoji reaction, message action); the confirmation goes to the marker only.</summary>
    public async Task HandleReactionAsync(ChatReaction reaction, IChatReplier replier, CancellationToken cancellationToken)
    {
        if (await incidents.AddReactionNoteAsync(reaction, cancellationToken) is { } reply)
        {
            await replier.PostPrivateAsync(reaction.Thread, reaction.User, reply, cancellationToken);
        }
    }

    private async Task<bool> ShouldAnswerOverheardAsync(ChatMessage message, CancellationToken cancellationToken) =>
        PasteDetector.LooksLikeLogLine(message.Text) && !await optOut.IsOptedOutAsync(message.Thread.Conversation, cancellationToken);

    private async Task RerunAsync(ChatAction action, ChatThread thread, IChatReplier replier, CancellationToken cancellationToken)
    {
        var text = rerun.Recall(action.Value);
        if (text is null)
        {
            await replier.PostAsync(thread, ChatReply.Plain("I no longer have the original lines (the bot restarted); paste them again after `/502`."), cancellationToken);
            return;
        }

        await HandleMessageAsync(new ChatMessage(thread, action.User, text, IsCommand: true, action.DeliveryKey is null ? null : action.DeliveryKey + ":rerun", action.At), replier, cancellationToken);
    }

    /// <summary>An empty id means no incident was recorded for the answer; the implementation says why (no database, unknown id).</summary>
    private Task<ChatReply> IncidentActionAsync(ChatAction action, CancellationToken cancellationToken) =>
        action.ActionId == ChatActionIds.Resolve
            ? incidents.ResolveAsync(action.Value, new ChatOrigin(action.Message.Thread, action.User, action.At, action.DeliveryKey), cancellationToken)
            : incidents.TimelineAsync(action.Value, cancellationToken);
}
