using System.Collections.Concurrent;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// The service URL and kind of each conversation the bot heard from, so a reply, an update or a later post (a
/// re-run, an incident note) knows where to go. Refreshed by every authenticated activity; bounded, forgotten on restart
/// (the next activity from the conversation brings it back).
/// </summary>
public sealed class TeamsConversationDirectory
{
    private const int Capacity = 50_000;
    private readonly ConcurrentDictionary<string, TeamsConversation> _known = new(StringComparer.Ordinal);

    public void Remember(string conversationId, TeamsConversation conversation)
    {
        if (_known.Count >= Capacity && !_known.ContainsKey(conversationId))
        {
            _known.Clear();
        }

        _known[conversationId] = conversation;
    }

    public TeamsConversation? Find(string conversationId) => _known.GetValueOrDefault(conversationId);
}
