using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>The client went away first (nginx-502-messages.md §2.M, 499). Logged at info.</summary>
public sealed class ClientAbortRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        // Templates from ngx_http_upstream.c and ngx_http_request.c; the event-module variants prefix them (writers
        // sometimes drop the call's parentheses: "epoll_wait reported that client prematurely closed connection").
        var abort = m.StartsWith("client prematurely closed connection", StringComparison.Ordinal)
            || m.StartsWith("client closed connection", StringComparison.Ordinal)
            || m.StartsWith("client closed prematurely connection", StringComparison.Ordinal)
            || ((m.StartsWith("epoll_wait", StringComparison.Ordinal) || m.StartsWith("kevent", StringComparison.Ordinal))
                && m.Contains(" reported that client prematurely closed connection", StringComparison.Ordinal));
        if (!abort)
        {
            return ClosedStream(m, out verdict) || CanceledStream(text, line, m, out verdict);
        }

        verdict = new Verdict(Causes.ClientAbort, DuringUpstreamHeader(text, line, m) ? 499 : RuleContext.ClientReadFailedStatus(text, line));
        return true;
    }

    /// <summary>
    /// The client left while nginx was still waiting for the upstream's header: ngx_http_upstream_check_broken_connection
    /// finalizes with 499 and nothing was sent, so the access log shows 499. After the header went out ("while reading
    /// upstream", "while sending to client") the same finalize keeps the status already sent: ngx_http_terminate_request
    /// sets 499 only when headers_out.status is 0 or no byte reached the client, so the record alone decides none (the
    /// access log shows the sent 200, or 499 when a buffered header never left). "so upstream connection is closed too"
    /// says the upstream was in use, not the phase; without an action it stays 499.
    /// </summary>
    private static bool DuringUpstreamHeader(ReadOnlySpan<char> text, in NginxLine line, ReadOnlySpan<char> m)
    {
        if (line.Action.IsPresent)
        {
            var action = RuleContext.Action(text, line);
            return NginxActions.IsHeaderPhase(action)
                || (!NginxActions.IsBodyPhase(action) && m.Contains(ClosedTooSuffix, StringComparison.Ordinal));
        }

        return m.Contains(ClosedTooSuffix, StringComparison.Ordinal);
    }

    private const string ClosedTooSuffix = "so upstream connection is closed too";

    private const string ClosedStreamMessage = "client prematurely closed stream";

    /// <summary>
    /// HTTP/2: the client reset its stream with CANCEL (ngx_http_v2_state_rst_stream logs "client canceled stream N" at
    /// info, marks the connection errored and runs the request's read handler). Waiting for an upstream's header, that
    /// handler is ngx_http_upstream_check_broken_connection, which finalizes with 499 as for a closed connection; in the
    /// body phase the status already sent stays, and elsewhere the record does not say which handler ran: no status.
    /// </summary>
    private static bool CanceledStream(ReadOnlySpan<char> text, in NginxLine line, ReadOnlySpan<char> m, out Verdict verdict)
    {
        if (!m.StartsWith("client canceled stream", StringComparison.Ordinal))
        {
            verdict = default;
            return false;
        }

        var waitingForHeader = line.Action.IsPresent && NginxActions.IsHeaderPhase(RuleContext.Action(text, line));
        verdict = new Verdict(Causes.ClientAbort, waitingForHeader ? 499 : null);
        return true;
    }

    /// <summary>
    /// HTTP/2 and HTTP/3: the client ended its stream before the body it announced. With the byte counts
    /// (ngx_http_v2_process_request_body: "only N out of M bytes of request body received") the request is finalized with
    /// 400; the bare message is also written when the client resets the stream while its body is read (499), so it
    /// decides no status by itself.
    /// </summary>
    private static bool ClosedStream(ReadOnlySpan<char> m, out Verdict verdict)
    {
        if (!m.StartsWith(ClosedStreamMessage, StringComparison.Ordinal))
        {
            verdict = default;
            return false;
        }

        var counted = m[ClosedStreamMessage.Length..].StartsWith(": only ", StringComparison.Ordinal);
        verdict = new Verdict(Causes.ClientAbort, counted ? 400 : null);
        return true;
    }
}
