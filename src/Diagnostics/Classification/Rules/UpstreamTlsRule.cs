using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// S1–S5 and TLS set-up: handshake failures toward the upstream (502), certificate checks (502), set-up errors before
/// the handshake (500). The same SSL messages with the client-side action <c>SSL handshaking</c> concern the client.
/// </summary>
public sealed class UpstreamTlsRule : INginxRule
{
    private static readonly string[] SetupPrefixes =
    [
        "SSL_set_tlsext_host_name(", "SSL_set_alpn_protos()", "SSL_new() failed", "SSL_set_fd() failed",
        "SSL_set_ex_data() failed", "SSL_set_session() failed", "cannot load certificate", "SSL_use_certificate(",
        "SSL_use_PrivateKey(", "SSL_set0_chain(", "SSL_CTX_",
    ];

    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        if (m.StartsWith("upstream SSL certificate", StringComparison.Ordinal))
        {
            verdict = new Verdict(Causes.UpstreamCertInvalid, 502);
            return true;
        }

        if (m.StartsWith("upstream prematurely sent response", StringComparison.Ordinal))
        {
            verdict = new Verdict(Causes.ProtocolMismatch, 502);
            return true;
        }

        // A paste that kept only the reason group of S1 ("(SSL: ...wrong version number) while SSL handshaking ..."), maybe
        // without its parenthesis.
        var handshake = m.StartsWith("SSL_do_handshake() failed", StringComparison.Ordinal)
            || m.StartsWith("peer closed connection in SSL handshake", StringComparison.Ordinal)
            || m.StartsWith("(SSL: ", StringComparison.Ordinal) || m.StartsWith("SSL: error:", StringComparison.Ordinal)
            || StartsWithHandshakeFunction(m);
        if (handshake)
        {
            verdict = !InLuaContext(m) && !CosocketInRequest(text, line) && TowardUpstream(text, line)
                ? new Verdict(Causes.UpstreamTls, 502)
                : new Verdict(Causes.NotAnUpstreamError, null);
            return true;
        }

        if (SpanSearch.StartsWithAny(m, SetupPrefixes) && RuleContext.UpstreamContext(text, line))
        {
            verdict = new Verdict(Causes.UpstreamTls, line.HasRequestContext ? 500 : null);
            return true;
        }

        verdict = default;
        return false;
    }

    /// <summary>
    /// OpenSSL's handshake function names (1.0's "SSL3_GET_FINISHED", "SSL23_GET_SERVER_HELLO", 1.1's "ssl3_get_record",
    /// "tls_process_server_certificate"), the part of S1's reason group writers keep when they drop "SSL_do_handshake()
    /// failed (SSL: error:XXXXXXXX:SSL routines:" (books and notes of the 1.0 era print "SSL3_GET_FINISHED:digest check
    /// failed" after nginx's prefix). Only "NAME:reason" counts: the name must run to a colon followed by text.
    /// </summary>
    private static bool StartsWithHandshakeFunction(ReadOnlySpan<char> message)
    {
        if (!SpanSearch.StartsWithAny(message, HandshakeFunctionPrefixes))
        {
            return false;
        }

        var colon = message.IndexOf(':');
        if (colon < 0 || colon + 1 >= message.Length)
        {
            return false;
        }

        foreach (var c in message[..colon])
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static readonly string[] HandshakeFunctionPrefixes = ["SSL3_", "SSL23_", "ssl3_", "ssl23_", "TLS_PROCESS_", "tls_process_"];

    /// <summary>
    /// The handshake was nginx's toward the upstream: its action, or a paste's cut of it that goes past "SSL handshaking to"
    /// ("... while SSL handshaking to u, client: ..."; the client's own action is "SSL handshaking"). Without a parsed action (a paste broke the suffix, e.g. a stray quote
    /// after the client address) the record's text still names the upstream handshake, or its level does: a client's
    /// failed handshake is logged at info (its connection's log_error is NGX_ERROR_INFO) or crit, an upstream's at error
    /// (ngx_ssl_connection_error with NGX_ERROR_ERR).
    /// </summary>
    private static bool TowardUpstream(ReadOnlySpan<char> text, in NginxLine line) =>
        NginxActions.IsOrCutOf(RuleContext.Action(text, line), NginxActions.SslHandshakingToUpstream, "SSL handshaking to ".Length)
        || (!line.Action.IsPresent && (line.Upstream.IsPresent || text.Contains(WhileHandshakingToUpstream, StringComparison.Ordinal)
            || (RuleContext.AtErrorLevel(text, line) && line.ConnectionId >= 0)));

    /// <summary>
    /// lua-nginx-module writes ", context: ngx.timer" (or another phase without a request) after a cosocket's error: the
    /// handshake was a Lua socket's (<c>sslhandshake()</c>), not the upstream module's, and no client waits on it.
    /// </summary>
    private static bool InLuaContext(ReadOnlySpan<char> message) => message.Contains(", context: ", StringComparison.Ordinal);

    /// <summary>
    /// The request's suffix is there, so nothing was cut before it, yet nginx wrote neither an action nor an upstream field:
    /// the upstream module always logs "while SSL handshaking to upstream" with its upstream. This is a handshake of a module
    /// inside the request, such as a Lua cosocket's <c>sslhandshake()</c> in content_by_lua, which gets the error back (as
    /// ConnectRule reads such a connect()).
    /// </summary>
    private static bool CosocketInRequest(ReadOnlySpan<char> text, in NginxLine line) =>
        line.HasRequestContext && !line.Action.IsPresent && !line.Upstream.IsPresent
        && !text.Contains(WhileHandshakingToUpstream, StringComparison.Ordinal);

    private static readonly string WhileHandshakingToUpstream = " while " + NginxActions.SslHandshakingToUpstream;
}
