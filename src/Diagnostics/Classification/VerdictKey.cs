using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Classification;

/// <summary>
/// Everything the rules of <see cref="NginxClassifier"/> read from a record, besides the message and action text: which
/// parts are present, the errno's meaning, and whether the upstream is a unix socket. Two records with the same message,
/// action and key get the same verdict. A rule that starts reading another part of the record must add it here (the
/// memo test classifies every corpus and lab line both ways).
/// </summary>
public readonly record struct VerdictKey(int Flags, int Hash)
{
    /// <summary>Longer messages are mostly one-off (FastCGI stderr, client bodies): not worth keeping.</summary>
    public const int MaxMessageChars = 200;

    private const int MaxActionChars = 80;

    /// <summary>
    /// The key, or false when the record's verdict may depend on more than the key holds: a message or action too long,
    /// or a record without a parsed action whose text says " while " somewhere (two rules then search the whole text).
    /// </summary>
    public static bool TryCreate(ReadOnlySpan<char> text, in NginxLine line, out VerdictKey key)
    {
        key = default;
        var message = line.Message.Of(text);
        var action = line.Action.Of(text);
        if (message.Length > MaxMessageChars || action.Length > MaxActionChars
            || (!line.Action.IsPresent && text.Contains(" while ", StringComparison.Ordinal)))
        {
            return false;
        }

        var flags = FlagsOf(text, line);
        key = new VerdictKey(flags, SpanHash.Sampled(action, SpanHash.Sampled(message, flags)));
        return true;
    }

    /// <summary>The facts about the record besides its message and action that the rules read, as bits.</summary>
    public static int FlagsOf(ReadOnlySpan<char> text, in NginxLine line) =>
        (Bit(line.Action.IsPresent, 0) | Bit(line.ErrnoNumber >= 0, 1) | Bit(line.Pid > 0, 2)
        | Bit(line.ConnectionId >= 0, 3) | Bit(line.HasRequestContext, 4) | Bit(line.Upstream.IsPresent, 5)
        | Bit(RuleContext.IsUnixUpstream(line.Upstream.Of(text)), 6) | Bit(line.Resolver.IsPresent, 7) | Bit(line.Time == default, 8)
        | Bit(line.Level.IsPresent, 9) | Bit(line.IsStream, 10) | Bit(line.Subrequest.IsPresent, 11)
        | Bit(RuleContext.AtInfoLevel(text, line), 12) | Bit(RuleContext.AtCritLevel(text, line), 13)
        | Bit(RuleContext.AtErrorLevel(text, line), 14) | Bit(RuleContext.AfterScriptError(text, line), 15)
        | Bit(line.IsHealthCheck, 16) | Bit(line.IsMail, 17))
        | ((int)line.Errno << 18);

    private static int Bit(bool value, int bit) => value ? 1 << bit : 0;
}
