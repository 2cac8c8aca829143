using System.Collections.Concurrent;
using Nginx502Bot.Incidents.Chat;

namespace Nginx502Bot.Incidents.Tests.Infrastructure;

/// <summary>The bot's side of IChatPoster in tests: records every post (this is our own interface, not a protocol peer).</summary>
public sealed class RecordingChatPoster : IChatPoster
{
    public ConcurrentQueue<ChatPost> Posts { get; } = new();

    public Task PostAsync(ChatPost post, CancellationToken cancellationToken)
    {
        Posts.Enqueue(post);
        return Task.CompletedTask;
    }
}
