using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// E1–E6: <c>writev()</c>, <c>send()</c>, <c>sendfile()</c>, <c>SSL_write()</c>, <c>SSL_sendfile()</c>,
/// <c>setsockopt(TCP_NODELAY|TCP_CORK|TCP_NOPUSH)</c> failing. Before the header: 502 (broken pipe or reset);
/// while sending to the client: the response was cut.
/// </summary>
public sealed class TransportWriteRule : INginxRule
{
    private static readonly string[] Prefixes =
    [
        "writev() failed", "send() failed", "sendfile() failed", "sendfilev() failed", "SSL_write() failed",
        "SSL_sendfile() failed", "setsockopt(TCP_NODELAY) failed", "setsockopt(TCP_CORK) failed", "setsockopt(TCP_NOPUSH) failed",
        "sendmsg() failed",

        // nginx for Windows writes with WSASend() (os/win32/ngx_wsasend.c, ngx_wsasend_chain.c).
        "WSASend() failed",
    ];

    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        if (m.IsEmpty && line.ErrnoNumber >= 0 && RuleContext.Action(text, line).SequenceEqual(NginxActions.SendingRequestToUpstream))
        {
            return GroupOnlyInRequestSend(line.Errno, out verdict);
        }

        if (!SpanSearch.StartsWithAny(m, Prefixes))
        {
            verdict = default;
            return false;
        }

        if (RuleContext.ClientLeftDuringResponse(text, line))
        {
            // The client's socket failed while the response went out: the client went away, the header was sent.
            verdict = new Verdict(Causes.ClientAbort, null);
        }
        else if (RuleContext.ClientSide(text, line) || !RuleContext.UpstreamContext(text, line))
        {
            verdict = new Verdict(Causes.NotAnUpstreamError, null);
        }
        else if (RuleContext.BodyPhase(text, line))
        {
            verdict = new Verdict(Causes.ResponseTruncated, null);
        }
        else
        {
            verdict = new Verdict(NamedCallCause(m, line), 502);
        }

        return true;
    }

    /// <summary>
    /// The cause of a named write call that failed on the upstream connection before the header. An errno that names no
    /// other failure (<c>sendfile() failed (9: Bad file descriptor)</c>, logged at alert; round 108, mod_zip's subrequests)
    /// is the same E-family failure: nginx could not send the request (NGX_ERROR, next(FT_ERROR), 502).
    /// </summary>
    private static string NamedCallCause(ReadOnlySpan<char> m, in NginxLine line)
    {
        var cause = HeaderPhaseCause(m, line.Errno);
        return cause == Causes.NotAnUpstreamError && line.ErrnoNumber >= 0 ? Causes.BrokenPipe : cause;
    }

    /// <summary>
    /// Only the errno group and the send action were quoted ("(111: Connection refused) while sending request to
    /// upstream"): the errno says what failed; ETIMEDOUT there is most often nginx's own "upstream timed out" (504).
    /// </summary>
    private static bool GroupOnlyInRequestSend(Errno errno, out Verdict verdict)
    {
        var cause = HeaderPhaseCause([], errno);
        verdict = errno == Errno.TimedOut ? new Verdict(Causes.UpstreamTimeoutSend, 504) : new Verdict(cause, 502);
        return cause != Causes.NotAnUpstreamError;
    }

    private static string HeaderPhaseCause(ReadOnlySpan<char> m, Errno errno) => errno switch
    {
        Errno.BrokenPipe or Errno.ConnectionReset or Errno.NotConnected => Causes.BrokenPipe,
        Errno.TimedOut => Causes.UpstreamTimeoutSend,
        Errno.ConnectionRefused => Causes.UpstreamDown,
        _ when m.StartsWith("SSL_", StringComparison.Ordinal) && m.Contains("(SSL:", StringComparison.Ordinal) => Causes.UpstreamTls,
        _ => Causes.NotAnUpstreamError,
    };
}
