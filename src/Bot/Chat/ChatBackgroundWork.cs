using System.Threading.Channels;

namespace Nginx502Bot.Bot.Chat;

/// <summary>
/// Work accepted after an acknowledgement (Slack wants an answer within 3 s; a diagnosis can take longer).
/// Bounded so a flood cannot grow memory without limit: <see cref="TryEnqueue"/> returns false when full and the
/// caller tells the user to retry instead of blocking the ack.
/// </summary>
public sealed class ChatBackgroundWork
{
    private readonly Channel<Func<CancellationToken, Task>> _channel;

    public ChatBackgroundWork(int capacity = 1000) =>
        _channel = Channel.CreateBounded<Func<CancellationToken, Task>>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });

    public bool TryEnqueue(Func<CancellationToken, Task> work) => _channel.Writer.TryWrite(work);

    internal ChannelReader<Func<CancellationToken, Task>> Reader => _channel.Reader;
}
