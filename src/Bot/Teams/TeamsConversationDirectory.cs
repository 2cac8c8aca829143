using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// The service URL and kind of each conversation the bot heard from, so a reply, an update or a later post (a
/// re-run, an incident note, a digest) knows where to go. Refreshed by every authenticated activity and kept in
/// memory (bounded); with a <see cref="ITeamsConversationStore"/> a new or changed address is also stored, so posts
/// still find it after a restart or on another instance. A store that fails never fails the activity: the address
/// stays known here and is stored with the next activity.
/// </summary>
public sealed partial class TeamsConversationDirectory(ILogger<TeamsConversationDirectory> logger, ITeamsConversationStore? store = null)
{
    private const int Capacity = 50_000;
    private readonly ConcurrentDictionary<string, TeamsConversation> _known = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _stored = new(StringComparer.Ordinal);

    public async Task RememberAsync(string conversationId, TeamsConversation conversation, CancellationToken cancellationToken)
    {
        if (_known.Count >= Capacity && !_known.ContainsKey(conversationId))
        {
            _known.Clear();
            _stored.Clear();
        }

        var changed = !_known.TryGetValue(conversationId, out var known) || known != conversation;
        _known[conversationId] = conversation;
        if (store is null || (!changed && _stored.ContainsKey(conversationId)))
        {
            return;
        }

        try
        {
            await store.SaveAsync(conversationId, conversation, cancellationToken);
            _stored[conversationId] = true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _stored.TryRemove(conversationId, out _);
            LogStoreFailed(logger, ex.GetType().Name);
        }
    }

    /// <summary>From memory, else from the store; null when the bot never heard from the conversation.</summary>
    public async Task<TeamsConversation?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(conversationId, out var known) || store is null)
        {
            return known;
        }

        var stored = await store.FindAsync(conversationId, cancellationToken);
        if (stored is not null)
        {
            _known.TryAdd(conversationId, stored);
            _stored[conversationId] = true;
        }

        return stored;
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Could not store a Teams conversation address ({Reason}); it stays known on this instance")]
    private static partial void LogStoreFailed(ILogger logger, string reason);
}
