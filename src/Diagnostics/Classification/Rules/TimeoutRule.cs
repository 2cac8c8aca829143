using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>D1–D4 <c>upstream timed out (110: ...)</c>: nginx's own timer, the only source of 504. The action says which timer.</summary>
public sealed class TimeoutRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        if (!m.StartsWith("upstream time", StringComparison.Ordinal) || !(m[13..].StartsWith("d out", StringComparison.Ordinal)
            || (line.ErrnoNumber >= 0 && IsRetyped(m[13..]))))
        {
            verdict = default;
            return false;
        }

        var action = RuleContext.Action(text, line);
        verdict = action switch
        {
            // nginx's own spellings first; a cut action only when none matched.
            NginxActions.ReadingResponseHeader => new Verdict(Causes.UpstreamTimeoutRead, 504),
            NginxActions.ConnectingToUpstream or NginxActions.SslHandshakingToUpstream => new Verdict(Causes.UpstreamTimeoutConnect, 504),
            NginxActions.SendingRequestToUpstream => new Verdict(Causes.UpstreamTimeoutSend, 504),
            _ when IsConnectPhase(action) => new Verdict(Causes.UpstreamTimeoutConnect, 504),
            _ when NginxActions.IsOrCutOf(action, NginxActions.SendingRequestToUpstream, "sending request".Length) => new Verdict(Causes.UpstreamTimeoutSend, 504),
            _ when RuleContext.BodyPhase(text, line) => new Verdict(Causes.ResponseTruncated, null),
            _ => new Verdict(Causes.UpstreamTimeoutRead, 504),
        };
        return true;
    }

    /// <summary>
    /// A writer's retyping of "timed out" ("upstream time out (110: ...)", "upstream timeout (110: ...)"): taken only with
    /// nginx's errno group after it, which marks the text as nginx's.
    /// </summary>
    private static bool IsRetyped(ReadOnlySpan<char> rest) => rest.SequenceEqual(" out") || rest.SequenceEqual("out");

    /// <summary>
    /// proxy_connect_timeout covers the connect and the TLS handshake; a paste may cut the action after its first word
    /// ("... timed out (110: ...) while connecting"), which no other action starts with.
    /// </summary>
    private static bool IsConnectPhase(ReadOnlySpan<char> action) =>
        NginxActions.IsOrCutOf(action, NginxActions.ConnectingToUpstream, "connecting".Length)
        || NginxActions.IsOrCutOf(action, NginxActions.SslHandshakingToUpstream, "SSL handshaking to".Length);
}
