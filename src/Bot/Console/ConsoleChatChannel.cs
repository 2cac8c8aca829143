using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>The local console as an <see cref="IChatChannel"/>: proactive posts appear in its transcript.</summary>
public sealed class ConsoleChatChannel(ConsoleTranscript transcript) : IChatChannel
{
    public string Name => ConsoleTranscript.Channel;

    public IChatReplier Replier => transcript;
}
