using System.Buffers;
using Nginx502Bot.Diagnostics.Classification.Rules;
using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification;

/// <summary>
/// Gives an nginx record its cause and status: the message decides, the action refines (causes.md). Rules are tried in
/// order; the last one always matches. Stream-module lines keep the cause but carry no HTTP status.
/// </summary>
public static class NginxClassifier
{
    private static readonly INginxRule[] Rules =
    [
        new ScriptLogRule(),
        new ClientAbortRule(),
        new FdExhaustionRule(),
        new NoLiveUpstreamsRule(),
        new TimeoutRule(),
        new DnsRule(),
        new ConnectRule(),
        new SocketSetupRule(),
        new PrematureCloseRule(),
        new UpstreamTlsRule(),
        new TransportReadRule(),
        new TransportWriteRule(),
        new UpstreamSentRule(),
        new FastcgiStderrRule(),
        new RateLimitRule(),
        new NotUpstreamRule(),
    ];

    /// <summary>The rules as bound delegates: one call site for sixteen rule types makes interface dispatch costly.</summary>
    private static readonly RuleMatch[] Matchers = Array.ConvertAll(Rules, rule => (RuleMatch)rule.TryClassify);

    public static Verdict Classify(ReadOnlySpan<char> text, in NginxLine line)
    {
        var m = line.Message.Of(text);
        if (m.Length > 1 && char.IsAsciiLetterUpper(m[0]) && ProseQuotes.IsCapitalisedMessage(m))
        {
            return Classify(Decapitalised(text, line.Message), line);
        }

        foreach (var match in Matchers)
        {
            if (match(text, line, out var verdict))
            {
                if (verdict.Cause == Causes.NotAnUpstreamError && SpacedCallName(m) is > 0 and var name)
                {
                    var repaired = line;
                    repaired.Message = new Segment(line.Message.Start + 1, line.Message.Length - 1);
                    return Classify(Unspaced(text, line.Message, name), repaired);
                }

                // A stream or mail session and a health-check probe have no HTTP request whose status the record could decide.
                return line.IsStream || line.IsHealthCheck || line.IsMail || IsMailSession(text, line)
                    ? verdict with { Status = null }
                    : ForSubrequest(line, verdict);
            }
        }

        throw new InvalidOperationException("the fallback rule always matches");
    }

    /// <summary>
    /// The mail proxy's own action, which marks a mail session even where a cut line lost its login key
    /// (<see cref="NginxLine.IsMail"/>). The action is part of the verdict key, so the memo stays sound.
    /// </summary>
    private static bool IsMailSession(ReadOnlySpan<char> text, in NginxLine line) =>
        line.Action.Of(text).SequenceEqual(NginxActions.ReadingResponseFromUpstream);

    /// <summary>
    /// The text with the message's first letter lowered, segments unchanged: a title's "Upstream timed out ..." is read
    /// as nginx wrote it. Only pasted prose gets here, so the copy costs plain logs nothing.
    /// </summary>
    private static string Decapitalised(ReadOnlySpan<char> text, Segment message)
    {
        var chars = text.ToArray();
        var at = message.Start;
        chars[at] = char.ToLowerInvariant(chars[at]);
        return new string(chars);
    }

    private static readonly SearchValues<char> IdentifierChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>
    /// The length of the call's name when a paste put a space before its parentheses (<c>recv () failed</c>,
    /// <c>connect () to unix:...</c>); 0 otherwise. nginx never writes that space, so only a record no rule placed asks.
    /// </summary>
    private static int SpacedCallName(ReadOnlySpan<char> m)
    {
        var end = m.IndexOfAnyExcept(IdentifierChars);
        return end > 0 && m[end..].StartsWith(" () ", StringComparison.Ordinal) ? end : 0;
    }

    /// <summary>
    /// The text with the stray space moved before the call's name (<c>recv () failed</c> becomes <c> recv() failed</c>):
    /// the length stays, so every segment after the message keeps its place and the message starts one later.
    /// </summary>
    private static string Unspaced(ReadOnlySpan<char> text, Segment message, int nameLength)
    {
        var chars = text.ToArray();
        text.Slice(message.Start, nameLength).CopyTo(chars.AsSpan(message.Start + 1));
        chars[message.Start] = ' ';
        return new string(chars);
    }

    /// <summary>
    /// A failing subrequest does not decide the client's status by itself: its issuer does. auth_request logs its own
    /// "auth request unexpected status" line and answers 500 (ngx_http_auth_request_module.c); a cache background update
    /// leaves the client with the stale copy; SSI and mirror keep the main response. So no status follows from the record,
    /// whichever the subrequest got (a memcached miss's 404 as much as an upstream's 502).
    /// </summary>
    private static Verdict ForSubrequest(in NginxLine line, Verdict verdict) =>
        line.Subrequest.IsPresent && verdict.Status is not null ? verdict with { Status = null } : verdict;
}
