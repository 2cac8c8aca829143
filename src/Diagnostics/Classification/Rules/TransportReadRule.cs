using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// R3–R5 and body-phase reads: <c>recv()</c>, <c>readv()</c>, <c>SSL_read()</c>, <c>kevent() reported about an closed
/// connection</c>. A reset before the header is 502; after it, the response was cut (no status change).
/// </summary>
public sealed class TransportReadRule : INginxRule
{
    private static readonly string[] Prefixes =
    [
        "recv() failed", "readv() failed", "SSL_read() failed", "kevent() reported about an closed connection",

        // nginx for Windows reads with WSARecv() (os/win32/ngx_wsarecv.c).
        "WSARecv() failed",
        "ioctl(FIONREAD) failed", "kevent() reported that upstream closed connection", "epoll_wait() reported that upstream",
    ];

    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        if (line.ErrnoNumber >= 0 && NamesNoFunction(m) && ReadsUpstreamBody(RuleContext.Action(text, line)))
        {
            // Only the errno group and the action were quoted ("(110: Connection timed out) while reading upstream"):
            // whatever failed, it failed after the header was sent.
            verdict = new Verdict(Causes.ResponseTruncated, null);
            return true;
        }

        if (line.ErrnoNumber >= 0 && NamesNoFunction(m) && RuleContext.Action(text, line).SequenceEqual(NginxActions.ReadingResponseHeader))
        {
            return GroupOnlyInHeaderRead(line.Errno, out verdict);
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
            verdict = new Verdict(Causes.NotAnUpstreamError, RuleContext.ClientReadFailedStatus(text, line));
        }
        else if (RuleContext.BodyPhase(text, line) || m.StartsWith("kevent() reported that upstream closed", StringComparison.Ordinal))
        {
            verdict = new Verdict(Causes.ResponseTruncated, null);
        }
        else
        {
            verdict = new Verdict(HeaderPhaseCause(m, line.Errno), 502);
        }

        return true;
    }

    /// <summary>
    /// Only the errno group and the header-read action were quoted ("(111: Connection refused) while reading response
    /// header from upstream"): the errno says what failed. ETIMEDOUT there is most often nginx's own "upstream timed out",
    /// which answers 504; an errno that names no upstream failure is left to the other rules.
    /// </summary>
    private static bool GroupOnlyInHeaderRead(Errno errno, out Verdict verdict)
    {
        var cause = HeaderPhaseCause([], errno);
        verdict = errno == Errno.TimedOut ? new Verdict(Causes.UpstreamTimeoutRead, 504) : new Verdict(cause, 502);
        return cause != Causes.NotAnUpstreamError;
    }

    /// <summary>
    /// The quote kept no function name: only the errno group, or the bare "failed" before it ("failed (104: Connection
    /// reset by peer) while reading upstream"). Either way the errno and the action are all there is to read.
    /// </summary>
    private static bool NamesNoFunction(ReadOnlySpan<char> m) => m.IsEmpty || m.SequenceEqual("failed");

    private static bool ReadsUpstreamBody(ReadOnlySpan<char> action) =>
        action.SequenceEqual(NginxActions.ReadingUpstream) || action.SequenceEqual(NginxActions.ProxyingUpgraded);

    private static string HeaderPhaseCause(ReadOnlySpan<char> m, Errno errno) => errno switch
    {
        Errno.ConnectionReset or Errno.BrokenPipe or Errno.NotConnected => Causes.ConnectionReset,
        Errno.TimedOut => Causes.UpstreamTimeoutRead,
        Errno.ConnectionRefused => Causes.UpstreamDown,
        Errno.HostUnreachable or Errno.HostDown => Causes.NoRoute,
        Errno.NetworkUnreachable or Errno.NetworkDown => Causes.NetworkUnreachable,
        Errno.None when m.StartsWith("SSL_read()", StringComparison.Ordinal) => Causes.UpstreamTls,
        Errno.None when m.StartsWith("kevent()", StringComparison.Ordinal) => Causes.ConnectionReset,
        _ when m.StartsWith("SSL_read()", StringComparison.Ordinal) && m.Contains("(SSL:", StringComparison.Ordinal) => Causes.UpstreamTls,
        _ => Causes.NotAnUpstreamError,
    };
}
