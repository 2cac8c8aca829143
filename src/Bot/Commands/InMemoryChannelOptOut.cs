using System.Collections.Concurrent;
using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary>Per-process opt-out list for runs without a database (forgotten on restart); with one, <c>PostgresChannelOptOut</c>.</summary>
public sealed class InMemoryChannelOptOut : IChannelOptOut
{
    private readonly ConcurrentDictionary<ChatConversation, bool> _optedOut = new();

    public ValueTask<bool> IsOptedOutAsync(ChatConversation conversation, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_optedOut.ContainsKey(conversation));

    public ValueTask SetOptedOutAsync(ChatConversation conversation, bool optedOut, CancellationToken cancellationToken)
    {
        if (optedOut)
        {
            _optedOut[conversation] = true;
        }
        else
        {
            _optedOut.TryRemove(conversation, out _);
        }

        return ValueTask.CompletedTask;
    }
}
