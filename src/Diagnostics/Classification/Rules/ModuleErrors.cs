using Nginx502Bot.Diagnostics.Parsing;
using static Nginx502Bot.Diagnostics.Parsing.RequestOnlyMessages;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// What nginx's optional and third-party modules answer when they refuse or fail inside a request: lua-nginx-module's
/// handlers and balancer, Kong's plugins, the perl handler, nchan's publisher, ModSecurity's intervention, the DAV,
/// mp4 and cache modules. Each status is the one the module's source finalizes the request with.
/// </summary>
internal static class ModuleErrors
{
    /// <summary>
    /// proxy_cache (or fastcgi_cache ...) whose keys_zone is full: ngx_http_file_cache_exists cannot allocate a node even
    /// after a forced expiry, logs this alert on the cycle's log (so the record has no request fields) and returns
    /// NGX_ERROR, which ngx_http_upstream_init_request finalizes with 500 before any upstream is tried.
    /// </summary>
    internal const string CacheKeysZoneFull = "could not allocate node in cache keys zone";

    /// <summary>
    /// ngx_http_mp4_module's errors name the file first (<c>"/v/a.mp4" mp4 moov atom is too large: ...</c>,
    /// <c>"..." mp4 start time exceeds file duration</c>); ngx_http_mp4_handler answers any failure of
    /// ngx_http_mp4_process with 500.
    /// </summary>
    internal static bool Mp4ModuleError(ReadOnlySpan<char> m)
    {
        if (m.Length < 2 || m[0] != '"')
        {
            return false;
        }

        var close = m[1..].IndexOf('"');
        return close > 0 && m[(close + 2)..].StartsWith(" mp4 ", StringComparison.Ordinal);
    }

    private const string LuaAborted = "lua entry thread aborted: runtime error: ";

    /// <summary>
    /// lua-nginx-module's balancer_by_lua raised an error while the upstream picked its peer: the balancer's get_peer
    /// returns NGX_ERROR, ngx_event_connect_peer with it, and ngx_http_upstream_connect finalizes the request with 500.
    /// </summary>
    internal const string LuaBalancerFailed = "failed to run balancer_by_lua*: ";

    private const string PerlCall = "call_sv(\"";

    /// <summary>
    /// ngx_http_perl_module: a request's perl handler died (<c>call_sv("Pkg::handler") failed: "... at ... line N."</c>);
    /// ngx_http_perl_call_handler logs $@ and returns NGX_HTTP_INTERNAL_SERVER_ERROR, which the module finalizes the
    /// request with. (A perl_set variable's death returns NGX_ERROR to whatever evaluated it, mostly a 500 too; once a
    /// handler has sent its header nginx logs "header already sent" next and the client keeps that header.)
    /// </summary>
    internal static bool PerlHandlerDied(ReadOnlySpan<char> m)
    {
        if (!m.StartsWith(PerlCall, StringComparison.Ordinal))
        {
            return false;
        }

        var close = m[PerlCall.Length..].IndexOf("\") failed: \"", StringComparison.Ordinal);
        return close > 0;
    }

    /// <summary>
    /// lua-nginx-module: the Lua code of a request's rewrite, access or content handler raised an error, and
    /// ngx_http_lua_run_thread finalizes the request with 500. The chunk name after the prefix says the phase. An error
    /// raised from C (require's "error loading module ...") or in a module file names no such chunk: only
    /// ngx_http_lua_run_thread writes "entry thread aborted", and the other threads it runs (timers, TLS phases) log
    /// their ", context: ...", so without one the record is a request handler's. Filters never log this message.
    /// </summary>
    internal static bool LuaHandlerAborted(ReadOnlySpan<char> m)
    {
        if (!m.StartsWith(LuaAborted, StringComparison.Ordinal))
        {
            return false;
        }

        var chunk = m[LuaAborted.Length..];
        return chunk.StartsWith("content_by_lua", StringComparison.Ordinal) || chunk.StartsWith("access_by_lua", StringComparison.Ordinal)
            || chunk.StartsWith("rewrite_by_lua", StringComparison.Ordinal)
            || (!chunk.Contains(", context: ", StringComparison.Ordinal) && !SpanSearch.StartsWithAny(chunk, OtherLuaPhases));
    }

    private const string KongRunloop = "[kong] init.lua:";

    /// <summary>
    /// Kong runs each plugin's access handler in a coroutine (kong/init.lua, execute_access_plugins_iterator); when one
    /// raises an error, Kong logs it with kong.log.err under the plugin's namespace ("[kong] init.lua:317 [pre-function]
    /// ...") and answers 500 ("An unexpected error occurred"). Only that catch logs from init.lua under a plugin's name:
    /// a plugin's own kong.log output names its own file, and errors of the other phases abort the Lua thread.
    /// </summary>
    internal static bool KongPluginFailed(ReadOnlySpan<char> m)
    {
        if (!m.StartsWith(KongRunloop, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = m[KongRunloop.Length..];
        var digits = rest.IndexOfAnyExceptInRange('0', '9');
        if (digits <= 0 || !rest[digits..].StartsWith(" [", StringComparison.Ordinal))
        {
            return false;
        }

        var plugin = rest[(digits + 2)..];
        var close = plugin.IndexOf("] ", StringComparison.Ordinal);
        return close > 0 && !plugin[..close].Contains(' ');
    }

    private const string LuaFileLoadFailed = "failed to load external Lua file \"";

    /// <summary>
    /// lua-nginx-module could not load a handler's code (ngx_http_lua_cache_loadfile / loadbuffer). A file it cannot
    /// open (LUA_ERRFILE, "cannot open ...") is NGX_HTTP_NOT_FOUND when it is missing; newer releases answer other
    /// errnos with 503, older ones with 404, so those decide nothing here. Any other failure (a syntax error) returns
    /// NGX_ERROR, which the rewrite, access and content handlers turn into 500, as for inlined code.
    /// </summary>
    internal static int? LuaCodeLoadStatus(ReadOnlySpan<char> m)
    {
        if (m.StartsWith("failed to load inlined Lua code: ", StringComparison.Ordinal))
        {
            return 500;
        }

        if (!m.StartsWith(LuaFileLoadFailed, StringComparison.Ordinal))
        {
            return null;
        }

        var close = m[LuaFileLoadFailed.Length..].IndexOf("\": ", StringComparison.Ordinal);
        if (close < 0)
        {
            return null;
        }

        var err = m[(LuaFileLoadFailed.Length + close + 3)..];
        if (!err.StartsWith("cannot open ", StringComparison.Ordinal) && !err.StartsWith("cannot read ", StringComparison.Ordinal))
        {
            return 500;
        }

        return err.EndsWith("No such file or directory", StringComparison.Ordinal) ? 404 : null;
    }

    /// <summary>Lua phases whose chunks have no request handler to finalize.</summary>
    private static readonly string[] OtherLuaPhases =
    [
        "init_by_lua", "init_worker_by_lua", "ssl_certificate_by_lua", "ssl_session_fetch_by_lua", "ssl_session_store_by_lua",
        "ssl_client_hello_by_lua", "exit_worker_by_lua", "log_by_lua", "header_filter_by_lua", "body_filter_by_lua",
        "balancer_by_lua", "set_by_lua",
    ];

    private const string NchanPublishError = "nchan: error publishing message (HTTP status code ";

    /// <summary>
    /// nchan's publisher location refusing a message (nchan_store_publish's callback, e.g. with its shared memory full):
    /// <c>nchan: error publishing message (HTTP status code 507)</c>. The module answers the publisher with the code it
    /// names, as ModSecurity does with its own.
    /// </summary>
    internal static int? NchanPublishStatus(ReadOnlySpan<char> m) =>
        m.StartsWith(NchanPublishError, StringComparison.Ordinal) && DecimalText.Digits(m, NchanPublishError.Length, 3, out var code)
            && code is >= 400 and <= 599 ? code : null;

    private const string FlvLive = "flv live: ";

    /// <summary>
    /// nginx-http-flv-module's HTTP-FLV handler refusing a player's request before its RTMP session exists
    /// (ngx_http_flv_live_handler): a method other than GET or an HTTP/0.9 request is NGX_HTTP_NOT_ALLOWED; a failed
    /// ngx_http_flv_live_preprocess (an RTMP port no listener has, no app argument) or session set-up is
    /// NGX_HTTP_INTERNAL_SERVER_ERROR. The module's other "flv live:" records belong to a session already playing.
    /// </summary>
    internal static int? FlvLiveRefusal(ReadOnlySpan<char> m)
    {
        if (!m.StartsWith(FlvLive, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = m[FlvLive.Length..];
        return rest.StartsWith("failed to find configured port: ", StringComparison.Ordinal)
            || rest.StartsWith("app args MUST be specified", StringComparison.Ordinal)
            || rest.StartsWith("failed to init connection for session", StringComparison.Ordinal) ? 500
            : rest.StartsWith("HTTP method was not \"GET\"", StringComparison.Ordinal) || rest.StartsWith("HTTP version 0.9 not supported", StringComparison.Ordinal) ? 405
            : null;
    }

    /// <summary>
    /// nginx-vod-module's refusals of a media request, answered through its error map (ngx_http_vod_status_to_ngx_error):
    /// the MP4 parser and metadata reader (<c>mp4_parser_...</c>, <c>mp4_metadata_reader_...</c>) fail with VOD_BAD_DATA,
    /// 404; their allocation failures are another code, so those decide nothing here. ngx_http_vod_validate_streams finds
    /// no stream for the request: 404 for a segment ("probably invalid segment index"), 400 for a manifest.
    /// </summary>
    internal static int? VodRefusal(ReadOnlySpan<char> m)
    {
        if (m.StartsWith("ngx_http_vod_validate_streams: no matching streams were found", StringComparison.Ordinal))
        {
            return m.Contains("probably invalid segment index", StringComparison.Ordinal) ? 404 : 400;
        }

        return (m.StartsWith("mp4_parser_", StringComparison.Ordinal) || m.StartsWith("mp4_metadata_reader_", StringComparison.Ordinal))
            && !m.Contains("alloc", StringComparison.Ordinal) ? 404 : null;
    }

    /// <summary>
    /// ModSecurity-nginx's intervention, logged behind its "[client IP] " tag or, in builds without it (Angie's module), at
    /// the message's start: <c>ModSecurity: Access denied with code 403 (phase 2)</c>. The module answers the code it names.
    /// </summary>
    internal static int? WafDenial(ReadOnlySpan<char> m)
    {
        var at = m.StartsWith(ModSecurityDenial, StringComparison.Ordinal) ? 0
            : !m.IsEmpty && m[0] == '[' ? m[..Math.Min(m.Length, 80)].IndexOf(ModSecurityDenial, StringComparison.Ordinal) : -1;
        var p = at + ModSecurityDenial.Length;
        return at >= 0 && DecimalText.Digits(m, p, 3, out var code) && code is >= 400 and <= 599 ? code : null;
    }

    /// <summary>
    /// The LDAP auth module (nginx-auth-ldap, <c>auth_ldap</c>) failing one step of a request's check: the user search
    /// (<c>ldap_search_ext() [request] failed</c>, <c>Could not find user DN</c>), the group comparison
    /// (<c>ldap_compare_ext() [request] failed</c>) or the user's bind (<c>ldap_sasl_bind() failed</c>,
    /// <c>User bind failed</c>). Each sends ngx_http_auth_ldap_authenticate to its next server, and after the last one
    /// ngx_http_auth_ldap_set_realm answers 401 with the realm. Its timeout (<c>Authentication timed out</c>) returns
    /// NGX_ERROR instead, which closes the connection without a response, and its connection-level errors carry no
    /// request; neither is listed. The "(N: text)" after a step's name is read as the record's errno, not as part of the
    /// message, so the names are matched without it.
    /// </summary>
    internal static bool LdapAuthRefused(ReadOnlySpan<char> m) =>
        m.StartsWith(LdapAuthPrefix, StringComparison.Ordinal) && SpanSearch.StartsWithAny(m[LdapAuthPrefix.Length..], LdapAuthStepFailures);

    private const string LdapAuthPrefix = "http_auth_ldap: ";

    private static readonly string[] LdapAuthStepFailures =
    [
        "Could not find user DN", "ldap_search_ext() failed", "ldap_search_ext() request failed",
        "ldap_compare_ext() failed", "ldap_compare_ext() request failed", "ldap_sasl_bind() failed", "User bind failed",
    ];

    /// <summary>
    /// ngx_http_dav_module refusing a COPY or MOVE (ngx_http_dav_copy_move_handler): a Destination on another host, or a
    /// Depth it does not allow, is NGX_HTTP_BAD_REQUEST; a collection against a non-collection is NGX_HTTP_CONFLICT. Its
    /// "client sent ..." refusals (no or invalid Destination, invalid Overwrite or Depth) are with the request errors below.
    /// </summary>
    internal static int? DavRefusal(ReadOnlySpan<char> m) =>
        (m.StartsWith("\"Destination\" URI \"", StringComparison.Ordinal) && m.EndsWith("is handled by different repository than the source URI", StringComparison.Ordinal))
            || m.StartsWith("\"Depth\" header must be ", StringComparison.Ordinal) ? 400
        : m.StartsWith("both URI \"", StringComparison.Ordinal) && m.EndsWith("should be either collections or non-collections", StringComparison.Ordinal) ? 409
        : null;
}
