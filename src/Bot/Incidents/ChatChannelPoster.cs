using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Incidents.Chat;

namespace Nginx502Bot.Bot.Incidents;

/// <summary>
/// Posts the scheduled jobs' digests and reminders through the bot's chat channel. A post's channel is a conversation
/// id (Slack <c>C0123</c>); <c>name:id</c> (<c>slack:C0123</c>) picks a channel explicitly when several are registered.
/// </summary>
public sealed class ChatChannelPoster(IEnumerable<IChatChannel> channels) : IChatPoster
{
    private readonly IReadOnlyList<IChatChannel> _channels = [.. channels];

    public async Task PostAsync(ChatPost post, CancellationToken cancellationToken)
    {
        var (channel, conversation) = Route(post.Channel);
        var thread = new ChatThread(new ChatConversation(channel.Name, conversation), post.ThreadTs);
        await channel.Replier.PostAsync(thread, ChatReply.Plain(post.Text), cancellationToken);
    }

    private (IChatChannel Channel, string Conversation) Route(string target)
    {
        if (_channels.Count == 0)
        {
            throw new InvalidOperationException("No chat channel is registered to post incident digests and reminders to.");
        }

        var colon = target.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && _channels.FirstOrDefault(c => c.Name == target[..colon]) is { } named)
        {
            return (named, target[(colon + 1)..]);
        }

        return (_channels[0], target);
    }
}
