using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>
/// The console's chat history, in memory and bounded (last 200 messages). It is also the console's
/// <see cref="IChatReplier"/>: handlers post and edit here exactly as they do in Slack.
/// </summary>
public sealed class ConsoleTranscript : IChatReplier
{
    public const string Channel = "console";
    private const int Capacity = 200;
    private readonly Lock _gate = new();
    private readonly List<ConsoleMessage> _messages = [];
    private long _next;

    public static ChatConversation Conversation { get; } = new(Channel, "local");

    public IReadOnlyList<ConsoleMessage> Snapshot()
    {
        lock (_gate)
        {
            return [.. _messages];
        }
    }

    public Task<ChatMessageRef> PostAsync(ChatThread thread, ChatReply reply, CancellationToken cancellationToken)
    {
        var id = "m" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Add(new ConsoleMessage(id, thread.ThreadId, HtmlReplyRenderer.Render(reply, id), reply.Text, Private: false));
        return Task.FromResult(new ChatMessageRef(thread, id));
    }

    public Task UpdateAsync(ChatMessageRef message, ChatReply reply, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var index = _messages.FindIndex(m => m.Id == message.Id);
            if (index >= 0)
            {
                _messages[index] = _messages[index] with { Html = HtmlReplyRenderer.Render(reply, message.Id), Text = reply.Text };
            }
        }

        return Task.CompletedTask;
    }

    public Task PostPrivateAsync(ChatThread thread, ChatUser user, ChatReply reply, CancellationToken cancellationToken)
    {
        var id = "m" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Add(new ConsoleMessage(id, thread.ThreadId, HtmlReplyRenderer.Render(reply, id), reply.Text, Private: true));
        return Task.CompletedTask;
    }

    /// <summary>Records what the user typed, so the transcript reads like a conversation.</summary>
    public ChatMessageRef AddUserMessage(string text)
    {
        var id = "m" + Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var html = "<pre class=\"user\">" + System.Text.Encodings.Web.HtmlEncoder.Default.Encode(text) + "</pre>";
        Add(new ConsoleMessage(id, null, html, text, Private: false));
        return new ChatMessageRef(ChatThread.Root(Conversation), id);
    }

    private void Add(ConsoleMessage message)
    {
        lock (_gate)
        {
            _messages.Add(message);
            if (_messages.Count > Capacity)
            {
                _messages.RemoveRange(0, _messages.Count - Capacity);
            }
        }
    }
}
