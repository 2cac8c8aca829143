using System.Buffers;
using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;
using static Nginx502Bot.Diagnostics.Parsing.RequestOnlyMessages;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// The fallback: everything no other rule placed is <c>not_an_upstream_error</c>, never a guess. The status is the one
/// nginx answers for the well-known non-upstream errors (static files, limits, configuration), otherwise none.
/// </summary>
public sealed class NotUpstreamRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        if (TempFileFailed(m, line) && !StoresFinishedFile(m) && RuleContext.BodyPhase(text, line))
        {
            // The event pipe could not open its temp file (proxy_temp_path, fastcgi_temp_path) after the header went
            // out: the body is cut short, the client keeps the backend's status.
            verdict = new Verdict(Causes.ResponseTruncated, null);
            return true;
        }

        // A title or sentence that opens with a request-only message capitalises it ("Access forbidden by rule: ...").
        if (m.Length > 1 && char.IsAsciiLetterUpper(m[0]) && RequestOnly(Decapitalised(m)))
        {
            m = Decapitalised(m);
        }

        var action = RuleContext.Action(text, line);
        var request = (RuleContext.ForRequest(line) || RequestOnly(m) || IndexModuleRecord(line, m)) && !LogPhase(action);
        verdict = new Verdict(Causes.NotAnUpstreamError, request ? StatusOf(m, line.Errno, RuleContext.AtCritLevel(text, line)) ?? ClientRequestErrors.ClientTimeout(m, action) : null);
        return true;
    }

    /// <summary>
    /// The index module writes only for a request: a quoted absolute path "is not found" with an errno is its record,
    /// also when the writer cut away the connection number and the suffix that would say so; so is the same message with
    /// its level when the writer cut the errno group too ("[error] ... \"/srv/index.html\" is not found"). (open() at
    /// [error] is not enough: "nginx -s reload" logs a missing pid file so.)
    /// </summary>
    private static bool IndexModuleRecord(in NginxLine line, ReadOnlySpan<char> m) =>
        (line.Errno != Errno.None || line.Level.IsPresent) && IndexNotFound(m);

    /// <summary>ngx_http_index_error's <c>"PATH" is not found</c>: a quoted absolute path, nothing else nginx writes so.</summary>
    private static bool IndexNotFound(ReadOnlySpan<char> m) =>
        m.Length > 1 && m[0] == '"' && m[1] == '/' && m.EndsWith("\" is not found", StringComparison.Ordinal);

    /// <summary>
    /// ngx_http_log_request's action: the log phase runs after the response went out, so a failure there (the access
    /// log's open() or write(), a log_by_lua handler) cannot change the status the client already got.
    /// </summary>
    private static bool LogPhase(ReadOnlySpan<char> action) => action.SequenceEqual("logging request");

    /// <summary>The message with its first letter lowered; only capitalised prose gets here.</summary>
    private static ReadOnlySpan<char> Decapitalised(ReadOnlySpan<char> m)
    {
        var chars = m.ToArray();
        chars[0] = char.ToLowerInvariant(chars[0]);
        return chars;
    }

    /// <summary>
    /// A file call on a quoted path, also as a string in code quoted it ("stat() \"/path\" failed"), as a publishing
    /// tool's smart quotes made it ("open() “/path” failed") or as a page's entity wrote it ("open() &amp;quot;/path").
    /// </summary>
    private static bool FileCall(ReadOnlySpan<char> m, string call) =>
        m.StartsWith(call, StringComparison.Ordinal) && m.Length > call.Length
        && (m[call.Length] is '"' or '\\' or '\u201C' || m[call.Length..].StartsWith("&quot;", StringComparison.Ordinal));

    /// <summary>
    /// open() on a quoted path, or CreateFile(), its name in the Windows build (ngx_open_file_n in os/win32): the same call
    /// at the same places (static, index, auth_basic, temp files), logged at the same levels.
    /// </summary>
    private static bool OpenCall(ReadOnlySpan<char> m) => FileCall(m, "open() ") || FileCall(m, "CreateFile() ");

    /// <summary>
    /// The write calls ngx_files.c logs for a temp file (ngx_write_file, ngx_writev_file; WriteFile() in os/win32).
    /// </summary>
    private static bool TempWriteCall(ReadOnlySpan<char> m) =>
        FileCall(m, "pwritev() ") || FileCall(m, "pwrite() ") || FileCall(m, "write() ") || FileCall(m, "WriteFile() ");

    /// <summary>
    /// A file call on a quoted path that failed: open(), or the write of the temp file (Windows' WriteFile(), write(),
    /// pwrite()), also with the call dropped by the writer (<c>"/var/lib/nginx/proxy/1/01/0000000011" failed (13: ...)</c>).
    /// </summary>
    private static bool TempFileFailed(ReadOnlySpan<char> m, in NginxLine line)
    {
        if (m.IsEmpty)
        {
            return false;
        }

        // ngx_files.c's short write, which has no errno: "pwritev() \"/var/lib/nginx/fastcgi/2/57/0000000572\" has written
        // only 936 of 8184" (also write(), writev()).
        if (line.Errno == Errno.None)
        {
            var shortWrite = m.IndexOf("() \"", StringComparison.Ordinal);
            return shortWrite > 0 && !m[..shortWrite].ContainsAnyExcept(FileCallNameChars)
                && m.Contains("\" has written only ", StringComparison.Ordinal);
        }

        if (m[0] == '"')
        {
            return true;
        }

        // A writer's backticks around the path ("mkdir() `\"/var/.../proxy_temp/1/35\"` failed") do not change the call.
        var call = m.IndexOf("() \"", StringComparison.Ordinal);
        if (call < 0)
        {
            call = m.IndexOf("() `\"", StringComparison.Ordinal);
        }

        return call > 0 && !m[..call].ContainsAnyExcept(FileCallNameChars);
    }

    /// <summary>
    /// A file-serving module that names its C function before the call (nginx-vod-module's
    /// <c>ngx_file_reader_update_state_file_info: open() "..." failed (2: ...)</c>) opens the file through
    /// ngx_open_cached_file as the static module does and maps the errno the same way (ENOENT 404, EACCES 403): the call
    /// is read without the name. Only a C identifier followed by <c>: open() "</c> is dropped.
    /// </summary>
    private static ReadOnlySpan<char> WithoutFunctionName(ReadOnlySpan<char> m)
    {
        if (m.IsEmpty || !char.IsAsciiLetterLower(m[0]))
        {
            return m;
        }

        var end = m.IndexOfAnyExcept(FunctionNameChars);
        return end > 0 && m[end..].StartsWith(": open() \"", StringComparison.Ordinal) ? m[(end + 2)..] : m;
    }

    private static readonly SearchValues<char> FunctionNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_");

    /// <summary>
    /// The calls that store the finished temp file (ngx_ext_rename_file for proxy_cache's and proxy_store's update:
    /// rename() or Windows' MoveFile(), and the unlink() or DeleteFile() of what it replaces or leaves): they run after
    /// the body was read whole, and their failure only leaves the entry unstored; the response is not cut.
    /// </summary>
    private static bool StoresFinishedFile(ReadOnlySpan<char> m) =>
        FileCall(m, "rename() ") || FileCall(m, "MoveFile() ") || FileCall(m, "unlink() ") || FileCall(m, "DeleteFile() ");

    private static readonly SearchValues<char> FileCallNameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_");

    /// <summary>
    /// A message nginx writes only for a client's request (request body limit, access and index modules, the rewrite
    /// loop check, auth_request, auth_basic and the LDAP auth module, the request building of uwsgi, scgi and FastCGI, a
    /// WAF's denial, the HTTP-FLV handler's and the VOD module's refusals), so a quote of it without the record's connection
    /// number or suffix is still a request's.
    /// ModSecurity v2's standalone module for nginx logs its denials with "pid#tid: [client IP]" and no connection number.
    /// </summary>
    private static bool RequestOnly(ReadOnlySpan<char> m) =>
        m.StartsWith(TooLargeBody, StringComparison.Ordinal) || m.StartsWith(AccessForbidden, StringComparison.Ordinal)
        || m.StartsWith(DirectoryIndex, StringComparison.Ordinal) || m.StartsWith(RedirectionCycle, StringComparison.Ordinal)
        || m.StartsWith(AuthRequestStatus, StringComparison.Ordinal) || m.StartsWith(ClientRequestErrors.ClientCertificateError, StringComparison.Ordinal)
        || m.StartsWith(NamedLocationMissing, StringComparison.Ordinal) || BasicAuthRefused(m) || ModuleErrors.LdapAuthRefused(m) || BuildingRequestFailed(m)
        || m.StartsWith(ModuleErrors.CacheKeysZoneFull, StringComparison.Ordinal) || m.StartsWith(ImageFilterTooBig, StringComparison.Ordinal)
        || ModuleErrors.Mp4ModuleError(m)
        || ClientRequestErrors.ClientSentStatus(m) is not null
        || ModuleErrors.WafDenial(m) is not null || ModuleErrors.FlvLiveRefusal(m) is not null || ModuleErrors.VodRefusal(m) is not null;

    /// <summary>
    /// The status nginx answers for a request whose record no upstream rule placed, or null when the record does not
    /// decide it. File calls first (their errno and level decide), then <see cref="MessageStatus"/>.
    /// </summary>
    private static int? StatusOf(ReadOnlySpan<char> m, Errno errno, bool crit)
    {
        m = WithoutFunctionName(m);

        // nginx's own temp file (client_body_temp_path and friends) outside the body phase: buffering the request failed,
        // and the request ends with 500 (ngx_http_write_request_body), whatever the errno. Its write fails the same way
        // (ngx_write_chain_to_temp_file: pwritev(), pwrite(), write(), Windows' WriteFile(), a full disk's ENOSPC).
        if (errno != Errno.None && (OpenCall(m) || TempWriteCall(m)) && IsNginxTempFile(m))
        {
            return 500;
        }

        // open() of a directory (its path ends with "/") at [crit]: try_files' test of a "$uri/" alternative, which logs
        // every errno but ENOENT at crit and goes on to the next alternative, as for stat() below. The static module never
        // opens a URI that ends with "/", and the index module tests the directory without its slash.
        if (crit && errno != Errno.None && OpenCall(m) && m.EndsWith("/\" failed", StringComparison.Ordinal))
        {
            return null;
        }

        // A file nginx opens for a request and fails at [crit]: the static handler logs ENOENT and EACCES at error (404,
        // 403) and every other errno at crit with 500; auth_basic logs its user file's failures at crit (but ENOENT) with
        // 500. So open() at crit is the request's 500 whatever the errno; on Windows the same call is CreateFile().
        if (crit && errno != Errno.None && OpenCall(m))
        {
            return 500;
        }

        // stat() at crit is try_files' test of one alternative (or the rewrite module's "-f"/"-d" test): it logs any errno
        // but ENOENT at crit and goes on to the next alternative, whose outcome (a file, a 403 or 404, an internal
        // redirect, a rewrite cycle's 500) the record does not know. The static and index modules log theirs at error.
        if (crit && errno != Errno.None && FileCall(m, "stat() "))
        {
            return null;
        }

        // The index module's "is not found" is ngx_http_index_error's 404 whatever the errno (ENOENT, ENOTDIR,
        // ENAMETOOLONG): EACCES is logged as "is forbidden" instead. So the quoted path's message decides it also when
        // the writer cut the errno group.
        if (m.EndsWith("\" is not found", StringComparison.Ordinal) && (errno != Errno.None || IndexNotFound(m)))
        {
            return 404;
        }

        // "CreateFile() ..." is the Windows build's open() (ngx_open_file_n in os/win32).
        if ((OpenCall(m) || FileCall(m, "stat() ")) && errno != Errno.None)
        {
            // The static module's own mapping: ENOENT and ENOTDIR (a path component is a file; Windows' "cannot find the
            // path specified") are 404, EACCES 403.
            return errno switch
            {
                Errno.NoSuchFile or Errno.NotADirectory => 404,
                Errno.PermissionDenied => 403,
                _ => null,
            };
        }

        // The same open() quoted from its path on, the call dropped by the writer ("/var/www/x.png" failed (2: ...)): for a
        // request, ENOENT and ENOTDIR at error are the static module's 404 (nginx's own temp files are never ENOENT's).
        if (!crit && m.Length > 1 && m[0] == '"' && m.EndsWith("\" failed", StringComparison.Ordinal) && !IsNginxTempFile(m))
        {
            // ENOENT and ENOTDIR at error are 404; EACCES is left alone (a dropped call may be another than open()); any
            // other errno is one the static module logs at crit and answers with 500.
            return errno switch
            {
                Errno.NoSuchFile or Errno.NotADirectory when m[1] == '/' => 404,
                Errno.None or Errno.Other or Errno.NoSuchFile or Errno.NotADirectory or Errno.PermissionDenied => null,
                _ => 500,
            };
        }

        return MessageStatus(m);
    }

    /// <summary>
    /// The status of a message that names no file call: the access, index and body-size refusals, the client's own request
    /// errors, the optional modules' refusals and failures, and the configuration errors found per request (500).
    /// </summary>
    private static int? MessageStatus(ReadOnlySpan<char> m)
    {
        // ngx_http_autoindex's absence: "directory index of "/path/" is forbidden" (also when a paste left the suffix in).
        if (m.EndsWith("is forbidden", StringComparison.Ordinal) || m.StartsWith(AccessForbidden, StringComparison.Ordinal)
            || (m.StartsWith(DirectoryIndex, StringComparison.Ordinal) && m.Contains("\" is forbidden", StringComparison.Ordinal)))
        {
            return 403;
        }

        if (m.StartsWith(TooLargeBody, StringComparison.Ordinal))
        {
            return 413;
        }

        if (ClientRequestErrors.ClientSentStatus(m) is { } clientError)
        {
            return clientError;
        }

        if (m.StartsWith(ClientRequestErrors.ClientCertificateError, StringComparison.Ordinal))
        {
            return 400;
        }

        if (m.StartsWith("key: \"", StringComparison.Ordinal) && m.EndsWith("was not found by memcached", StringComparison.Ordinal))
        {
            return 404;
        }

        if (ModuleErrors.WafDenial(m) is { } denied)
        {
            return denied;
        }

        if (ModuleErrors.NchanPublishStatus(m) is { } nchan)
        {
            return nchan;
        }

        if (ModuleErrors.DavRefusal(m) is { } dav)
        {
            return dav;
        }

        if (ModuleErrors.FlvLiveRefusal(m) is { } flv)
        {
            return flv;
        }

        if (ModuleErrors.VodRefusal(m) is { } vod)
        {
            return vod;
        }

        if (BasicAuthRefused(m) || ModuleErrors.LdapAuthRefused(m))
        {
            return 401;
        }

        if (m.StartsWith(ImageFilterTooBig, StringComparison.Ordinal))
        {
            return 415;
        }

        if (ModuleErrors.LuaHandlerAborted(m) || ModuleErrors.KongPluginFailed(m) || UpstreamUrlInvalid(m) || m.StartsWith(ModuleErrors.CacheKeysZoneFull, StringComparison.Ordinal)
            || ModuleErrors.Mp4ModuleError(m) || ModuleErrors.PerlHandlerDied(m) || m.StartsWith(ModuleErrors.LuaBalancerFailed, StringComparison.Ordinal))
        {
            return 500;
        }

        if (ModuleErrors.LuaCodeLoadStatus(m) is { } luaLoad)
        {
            return luaLoad;
        }

        var configError = m.StartsWith("no port in upstream", StringComparison.Ordinal) || m.StartsWith("no upstream configuration", StringComparison.Ordinal)
            || m.StartsWith("invalid URL prefix", StringComparison.Ordinal) || m.StartsWith("zero length URI to proxy", StringComparison.Ordinal)
            || m.StartsWith(AuthRequestStatus, StringComparison.Ordinal) || m.StartsWith(RedirectionCycle, StringComparison.Ordinal)
            || m.StartsWith(NamedLocationMissing, StringComparison.Ordinal)

            // ngx_http_script_regex_end_code: a rewrite that leaves an empty URI exits with 500.
            || m.StartsWith("the rewritten URI has a zero length", StringComparison.Ordinal)
            || m.StartsWith("the \"$memcached_key\" variable is not set", StringComparison.Ordinal) || m.StartsWith("invalid header after joining FastCGI records", StringComparison.Ordinal)
            || BuildingRequestFailed(m);
        return configError ? 500 : null;
    }

    /// <summary>
    /// §2.H–2.I: the uwsgi, scgi or FastCGI module could not build the request it sends (create_request returned an error:
    /// over 64k of uwsgi vars, a length that does not add up); ngx_http_upstream_init_request finalizes it with 500 before
    /// any upstream is tried.
    /// </summary>
    private static bool BuildingRequestFailed(ReadOnlySpan<char> m) =>
        m.StartsWith("uwsgi request is too big", StringComparison.Ordinal) || m.StartsWith("uwsgi request is too little", StringComparison.Ordinal)
        || m.StartsWith("uwsgi request length mismatch", StringComparison.Ordinal)
        || m.StartsWith("scgi request length mismatch", StringComparison.Ordinal) || m.StartsWith("fastcgi request record is too big", StringComparison.Ordinal)
        || m.StartsWith("fastcgi request length mismatch", StringComparison.Ordinal);

    /// <summary>
    /// ngx_http_auth_basic_module: an unknown user, a wrong password or no credentials at all; each answers the realm's
    /// challenge (NGX_HTTP_UNAUTHORIZED). Writers who retype the wrong password's record often drop the colon after the
    /// user name (<c>user "root" password mismatch</c>), and code that holds the record in a string escapes the quotes
    /// around it (<c>user \"root\": password mismatch</c>); the refusal is the same.
    /// </summary>
    private static bool BasicAuthRefused(ReadOnlySpan<char> m)
    {
        if (m.StartsWith("no user/password was provided for basic authentication", StringComparison.Ordinal))
        {
            return true;
        }

        if (m.StartsWith("user \"", StringComparison.Ordinal))
        {
            return m.EndsWith("\": password mismatch", StringComparison.Ordinal) || m.EndsWith("\" password mismatch", StringComparison.Ordinal)
                || m.Contains("\" was not found in \"", StringComparison.Ordinal);
        }

        return m.StartsWith("user \\\"", StringComparison.Ordinal)
            && (m.EndsWith("\\\": password mismatch", StringComparison.Ordinal) || m.EndsWith("\\\" password mismatch", StringComparison.Ordinal)
                || m.Contains("\\\" was not found in \\\"", StringComparison.Ordinal));
    }

    /// <summary>
    /// proxy_pass, fastcgi_pass and the like with variables: the address is parsed per request (ngx_http_proxy_eval and
    /// its siblings, with no_resolve), and a value ngx_parse_url rejects is logged as "%s in upstream \"%V\"" before any
    /// upstream is tried; the handler then returns 500. At start-up the same text is an [emerg] without a request, which
    /// never gets here.
    /// </summary>
    private static bool UpstreamUrlInvalid(ReadOnlySpan<char> m) => SpanSearch.StartsWithAny(m, UrlErrors);

    private static readonly string[] UrlErrors =
    [
        "no host in upstream \"", "invalid host in upstream \"", "no port in upstream \"", "invalid port in upstream \"",
        "invalid IPv6 address in upstream \"",
    ];

    /// <summary>A quoted path whose file name is ten digits: nginx names its temp files with "%010uD".</summary>
    private static bool IsNginxTempFile(ReadOnlySpan<char> m)
    {
        var open = m.IndexOf('"');
        var close = open < 0 ? -1 : m[(open + 1)..].IndexOf('"');
        if (close < 0)
        {
            return false;
        }

        var path = m.Slice(open + 1, close);
        var name = path[(path.LastIndexOf('/') + 1)..];
        return name.Length == 10 && !name.ContainsAnyExceptInRange('0', '9');
    }
}
