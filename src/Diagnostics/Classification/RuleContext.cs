using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification;

/// <summary>Helpers the rules share: phase of the action, upstream context, and the body-phase refinement.</summary>
internal static class RuleContext
{
    /// <summary>
    /// The record's message, without the markdown emphasis a reporter may have put around it inside an otherwise whole
    /// record (<c>*8 **upstream prematurely closed ...**</c>), a connection number markdown mangled (<c>_487 recv() ...</c>),
    /// or an ellipsis where the writer left out the pid (<c>[error] ... upstream timed out</c>): no nginx message starts
    /// with '*', '`', '_' or '.'.
    /// </summary>
    public static ReadOnlySpan<char> Message(ReadOnlySpan<char> text, in NginxLine line)
    {
        var m = line.Message.Of(text);
        if (m.Length < 2 || m[0] is not ('*' or '`' or '_' or '.' or '\u2026'))
        {
            return m;
        }

        // "[error] ... upstream timed out ...": the writer elided the pid and connection number.
        if (m[0] is '.' or '\u2026')
        {
            var elided = m.TrimStart(".\u2026 ");
            return elided.Length < m.Length && m[m.Length - elided.Length - 1] == ' ' ? elided : m;
        }

        var t = m.TrimStart("*`_");

        // "_487 recv() failed ...": markdown turned nginx's "*487" connection number into "_487".
        var digits = 0;
        while (m[0] == '_' && digits < t.Length && char.IsAsciiDigit(t[digits]))
        {
            digits++;
        }

        return digits > 0 && digits < t.Length && t[digits] == ' ' ? t[(digits + 1)..] : t;
    }

    public static ReadOnlySpan<char> Action(ReadOnlySpan<char> text, in NginxLine line) => line.Action.Of(text);

    public static bool BodyPhase(ReadOnlySpan<char> text, in NginxLine line) =>
        line.Action.IsPresent && NginxActions.IsBodyPhase(line.Action.Of(text));

    /// <summary>
    /// A socket error nginx wrote at [info]: the client connection's (ngx_http_init_connection sets its log_error to
    /// NGX_ERROR_INFO), never the upstream's, which ngx_http_upstream_init_request sets to NGX_ERROR_ERR.
    /// </summary>
    public static bool AtInfoLevel(ReadOnlySpan<char> text, in NginxLine line) => AtLevel(text, line, "info");

    /// <summary>The record was written at [crit].</summary>
    public static bool AtCritLevel(ReadOnlySpan<char> text, in NginxLine line) => AtLevel(text, line, "crit");

    /// <summary>The record was written at [error].</summary>
    public static bool AtErrorLevel(ReadOnlySpan<char> text, in NginxLine line) => AtLevel(text, line, "error");

    private static bool AtLevel(ReadOnlySpan<char> text, in NginxLine line, string level) =>
        line.Level.IsPresent && line.Level.Of(text).SequenceEqual(level);

    /// <summary>
    /// The client went away while its response went out: a broken pipe or reset on the client's connection, in a static
    /// response ("sending response to client", set by ngx_http_request.c's writer, which writes only to the client) or in
    /// the body phase at [info]. A TLS error without such an errno is not taken for the client leaving.
    /// </summary>
    public static bool ClientLeftDuringResponse(ReadOnlySpan<char> text, in NginxLine line) =>
        line.Errno is Errno.BrokenPipe or Errno.ConnectionReset && line.Action.IsPresent
        && (line.Action.Of(text).SequenceEqual("sending response to client") || (BodyPhase(text, line) && AtInfoLevel(text, line)));

    /// <summary>
    /// The client's connection closed or failed while nginx read its request (line, headers or body): the request
    /// exists by then, and ngx_http_read_request_header / ngx_http_do_read_client_request_body set c->error and finalize
    /// it with NGX_HTTP_BAD_REQUEST, so the access log records 400. (Before the first byte, "while waiting for request",
    /// there is no request and no status.)
    /// </summary>
    public static int? ClientReadFailedStatus(ReadOnlySpan<char> text, in NginxLine line) =>
        line.Action.IsPresent && line.Action.Of(text).StartsWith("reading client request ", StringComparison.Ordinal) ? 400 : null;

    public static bool ClientSide(ReadOnlySpan<char> text, in NginxLine line) =>
        line.Action.IsPresent && NginxActions.IsClientSide(line.Action.Of(text));

    /// <summary>The record concerns an upstream: it names one, or its action is an upstream phase.</summary>
    public static bool UpstreamContext(ReadOnlySpan<char> text, in NginxLine line) =>
        line.Upstream.IsPresent || (line.Action.IsPresent && IsUpstreamAction(line.Action.Of(text)));

    /// <summary>
    /// An upstream phase, also when a paste cut the action short ("while reading response header"): only the upstream
    /// actions begin that way. "SSL handshaking" is excluded, being a complete client-side action of its own.
    /// "proxying upgraded connection" is set only by the upstream module's tunnel (ngx_http_upstream.c), after the 101.
    /// </summary>
    private static bool IsUpstreamAction(ReadOnlySpan<char> action) =>
        action.Contains("upstream", StringComparison.Ordinal) || action.SequenceEqual(NginxActions.ProxyingUpgraded)
        || (action.Length >= 12 && (NginxActions.ReadingResponseHeader.AsSpan().StartsWith(action, StringComparison.Ordinal)
            || NginxActions.ConnectingToUpstream.AsSpan().StartsWith(action, StringComparison.Ordinal)
            || NginxActions.SendingRequestToUpstream.AsSpan().StartsWith(action, StringComparison.Ordinal)));

    /// <summary>Message decides, action refines: once the header was sent, no 502 can follow (causes.md rules).</summary>
    public static Verdict HeaderPhase(ReadOnlySpan<char> text, in NginxLine line, string cause, int status) =>
        BodyPhase(text, line) ? new Verdict(Causes.ResponseTruncated, null) : new Verdict(cause, status);

    /// <summary>
    /// The record was written for a client request: it has the <c>, client: ...</c> suffix, or (when a paste lost the
    /// suffix) nginx's <c>*CID</c>, which it prints only on lines tied to a client connection (ngx_log.c); resolver and
    /// background lines have none.
    /// </summary>
    public static bool ForRequest(in NginxLine line) => line.HasRequestContext || line.ConnectionId >= 0;

    /// <summary>The message quoted alone: no time, level, pid, connection number or client suffix left.</summary>
    public static bool IsBareQuote(in NginxLine line) =>
        line.Time == default && !line.Level.IsPresent && line.Pid == 0 && line.ConnectionId < 0 && !line.HasRequestContext;

    /// <summary>
    /// A message quoted without a level behind the words of a script's error string ("failed to connect: no resolver
    /// defined to resolve ..."): a Lua cosocket's error, which the script reports and answers itself.
    /// </summary>
    public static bool AfterScriptError(ReadOnlySpan<char> text, in NginxLine line) =>
        !line.Level.IsPresent && line.Message.Start > 0 && text[..line.Message.Start].Contains("failed to ", StringComparison.Ordinal);

    /// <summary>
    /// The peer is a unix socket: named so in the message ("connect() to unix:...", also when a rejoined wrap left two
    /// spaces after "to") or in the upstream field.
    /// </summary>
    public static bool IsUnixTarget(ReadOnlySpan<char> text, in NginxLine line) =>
        (line.Message.Of(text).StartsWith("connect() to ", StringComparison.Ordinal)
            && line.Message.Of(text)["connect() to ".Length..].TrimStart(' ').StartsWith("unix:", StringComparison.Ordinal))
        || IsUnixUpstream(line.Upstream.Of(text));

    /// <summary>The upstream field names a unix socket (<c>http://unix:/run/app.sock:/</c>, <c>unix:/run/app.sock</c>).</summary>
    public static bool IsUnixUpstream(ReadOnlySpan<char> upstream) =>
        upstream.StartsWith("unix:", StringComparison.Ordinal) || SpanSearch.IndexOfRare(upstream, "://unix:") >= 0;
}
