using System.Globalization;
using Microsoft.Extensions.Options;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Incidents.Lifecycle;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Outbox;
using Nginx502Bot.Incidents.Postmortems;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Bot.Incidents;

/// <summary>
/// The <c>/502 incidents | resolve | note | postmortem</c> commands, the Mark resolved / Show timeline buttons and
/// timeline reactions over <see cref="IncidentService"/>. Changes carry the chat message's own time and an
/// idempotency key from the delivery; lookups by number need the database, ids (shown while an incident is only in
/// the outbox) do not.
/// </summary>
public sealed class PostgresIncidentCommands(
    IncidentService lifecycle,
    IncidentRepository incidents,
    PostmortemBuilder postmortems,
    IncidentAnswerRecorder recorder,
    IncidentReplies replies,
    IOptions<IncidentChatOptions> options,
    TimeProvider time) : IIncidentCommands
{
    public Task<string?> RecordAnswerAsync(IncidentObservation observation, CancellationToken cancellationToken) =>
        recorder.RecordAsync(observation, cancellationToken);

    public Task<ChatReply> ListOpenAsync(ChatConversation conversation, CancellationToken cancellationToken) =>
        GuardAsync("", async () =>
        {
            var live = await ListLiveAsync(cancellationToken);
            var here = live.Where(i => i.Channel == conversation.Id).ToList();
            return replies.Open(here, live.Count - here.Count);
        });

    public Task<ChatReply> ResolveAsync(string incidentId, ChatOrigin origin, CancellationToken cancellationToken) =>
        ChangeAsync(incidentId, origin, "resolved", (id, actor, at, key) =>
            lifecycle.ResolveAsync(id, actor, at, $"Resolved from chat by {actor}", key, cancellationToken), cancellationToken);

    public Task<ChatReply> AddNoteAsync(string incidentId, ChatOrigin origin, string text, CancellationToken cancellationToken) =>
        ChangeAsync(incidentId, origin, "got a note", (id, actor, at, key) =>
            lifecycle.AddNoteAsync(id, actor, text, at, key + ":note", pinned: false, cancellationToken), cancellationToken);

    public Task<ChatReply> PostmortemAsync(string incidentId, ChatOrigin origin, CancellationToken cancellationToken) =>
        GuardAsync(incidentId, async () =>
        {
            if (await BuildAsync(incidentId, cancellationToken) is not { } pm)
            {
                return await NotAvailableAsync(incidentId, cancellationToken);
            }

            await lifecycle.MarkPostmortemAsync(pm.Incident.Id, Actor(origin.User), origin.At ?? time.GetUtcNow(), cancellationToken);
            return replies.Postmortem(pm);
        });

    public Task<ChatReply> TimelineAsync(string incidentId, CancellationToken cancellationToken) =>
        GuardAsync(incidentId, async () => await BuildAsync(incidentId, cancellationToken) is { } pm
            ? replies.Timeline(pm, options.Value.TimelineInChat)
            : await NotAvailableAsync(incidentId, cancellationToken));

    /// <summary>
    /// The marked message belongs to the live incident whose thread it sits in, else to the channel's most recently
    /// active live incident; with none, the reaction was not about an incident and nothing is said.
    /// </summary>
    public async Task<ChatReply?> AddReactionNoteAsync(ChatReaction reaction, CancellationToken cancellationToken)
    {
        var conversation = reaction.Thread.Conversation.Id;
        var live = (await ListLiveAsync(cancellationToken)).Where(i => i.Channel == conversation).ToList();
        var incident = live.FirstOrDefault(i => i.ThreadTs is { } ts && (ts == reaction.Thread.ThreadId || ts == reaction.MessageId))
            ?? live.MaxBy(i => i.UpdatedAt);
        if (incident is null)
        {
            return null;
        }

        var actor = Actor(reaction.User);
        var text = reaction.Text is { Length: > 0 } t ? t : $"Message {reaction.MessageId} marked for the timeline by {actor}";
        var noted = await lifecycle.AddNoteAsync(incident.Id, actor, text, reaction.At, reaction.DeliveryKey + ":note", pinned: true, cancellationToken);
        return replies.Changed(noted, "got a pinned note from chat", actor, reaction.At);
    }

    private Task<ChatReply> ChangeAsync(string incidentId, ChatOrigin origin, string what,
        Func<Guid, string, DateTimeOffset, string, Task<Incident>> change, CancellationToken cancellationToken) =>
        GuardAsync(incidentId, async () =>
        {
            var id = incidentId.Trim().Length == 0
                ? await InThreadAsync(origin.Thread, cancellationToken)
                : await LocateAsync(incidentId, cancellationToken);
            if (id is null)
            {
                return incidentId.Trim().Length == 0
                    ? ChatReply.Plain("No open incident belongs to this thread: name one, e.g. `/502 resolve 12` (see `/502 incidents`), "
                        + "or mention me with `resolve` in the incident's thread (slash commands do not say which thread they were typed in).")
                    : IncidentReplies.NotFound(incidentId);
            }

            var actor = Actor(origin.User);
            var at = origin.At ?? time.GetUtcNow();
            var changed = await change(id.Value, actor, at, origin.DeliveryKey ?? $"chat:{Guid.NewGuid():N}");
            return replies.Changed(changed, what, actor, at);
        });

    /// <summary>The open or mitigated incident whose answer started this thread, if any.</summary>
    private async Task<Guid?> InThreadAsync(ChatThread thread, CancellationToken cancellationToken)
    {
        if (thread.ThreadId is null)
        {
            return null;
        }

        var live = await ListLiveAsync(cancellationToken);
        return live.FirstOrDefault(i => i.Channel == thread.Conversation.Id && i.ThreadTs == thread.ThreadId)?.Id;
    }

    /// <summary>A number (<c>12</c>, <c>#12</c>) is looked up in the database; an id is used as it is.</summary>
    private async Task<Guid?> LocateAsync(string text, CancellationToken cancellationToken)
    {
        var id = text.Trim().TrimStart('#');
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return (await incidents.GetByNumberAsync(number, cancellationToken))?.Id;
        }

        return Guid.TryParse(id, out var guid) ? guid : null;
    }

    private async Task<Postmortem?> BuildAsync(string text, CancellationToken cancellationToken)
    {
        var id = text.Trim().TrimStart('#');
        if (long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return await postmortems.BuildAsync(number, cancellationToken);
        }

        // An id from a button: the incident may since have got its number.
        return Guid.TryParse(id, out var guid) && await incidents.GetAsync(guid, cancellationToken) is { Number: > 0 } stored
            ? await postmortems.BuildAsync(stored.Number, cancellationToken)
            : null;
    }

    private async Task<ChatReply> NotAvailableAsync(string text, CancellationToken cancellationToken) =>
        Guid.TryParse(text.Trim(), out var guid) && await incidents.GetAsync(guid, cancellationToken) is null
            ? IncidentReplies.NotStoredYet(new Incident { Id = guid, Status = IncidentStatus.Open, Title = "", DetectedAt = default, UpdatedAt = default })
            : IncidentReplies.NotFound(text);

    private async Task<IReadOnlyList<Incident>> ListLiveAsync(CancellationToken cancellationToken)
    {
        var open = await incidents.ListAsync(new IncidentFilter { Status = "open" }, cancellationToken);
        var mitigated = await incidents.ListAsync(new IncidentFilter { Status = "mitigated" }, cancellationToken);
        return [.. open.Concat(mitigated).OrderByDescending(i => i.UpdatedAt)];
    }

    /// <summary>Turns "unknown id", "database unreachable" and "outbox full" into answers instead of silence.</summary>
    private static async Task<ChatReply> GuardAsync(string incidentId, Func<Task<ChatReply>> work)
    {
        try
        {
            return await work();
        }
        catch (IncidentNotFoundException)
        {
            return IncidentReplies.NotFound(incidentId);
        }
        catch (OutboxFullException)
        {
            return IncidentReplies.OutboxFull;
        }
        catch (Exception ex) when (Transient.IsUnreachable(ex))
        {
            return IncidentReplies.Unreachable;
        }
    }

    private static string Actor(ChatUser user) => user.Name ?? user.Id;
}
