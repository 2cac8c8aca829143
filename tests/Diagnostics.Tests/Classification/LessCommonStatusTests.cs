using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Tests.Classification;

/// <summary>
/// Records whose status nginx decides in a less common way: the client's own socket failing while the response goes out,
/// temp files in the body phase, client timeouts, request-only messages quoted without their record, C5 with the upstream
/// action. Each case has a neighbour the rule must leave alone.
/// </summary>
public class LessCommonStatusTests
{
    private const string Sfx = ", client: 10.1.2.3, server: shop.example, request: \"GET /a HTTP/1.1\", upstream: \"http://10.0.0.7:8080/a\", host: \"shop.example\"";
    private const string NoUpstreamSfx = ", client: 10.1.2.3, server: shop.example, request: \"GET /a HTTP/1.1\", host: \"shop.example\"";

    [Theory]
    // The client connection logs its socket errors at info (log_error NGX_ERROR_INFO); the upstream's at error.
    [InlineData("2025/07/15 09:01:01 [info] 1549#1549: *259 writev() failed (32: Broken pipe) while sending to client" + Sfx, "client_abort", null)]
    [InlineData("2015/12/01 15:49:48 [info] 20521#0: *5 recv() failed (104: Connection reset by peer) while sending to client" + Sfx, "client_abort", null)]
    [InlineData("2015/12/01 15:49:48 [error] 20521#0: *5 readv() failed (104: Connection reset by peer) while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData("2015/12/01 15:49:48 [error] 20521#0: *5 writev() failed (104: Connection reset by peer) while sending request to upstream" + Sfx, "broken_pipe", 502)]
    // A static response's write fails with a broken pipe: the client left. A TLS error without such an errno is not that.
    [InlineData("2021/08/01 23:34:56 [info] 2544368#0: *1 sendfile() failed (32: Broken pipe) while sending response to client" + NoUpstreamSfx, "client_abort", null)]
    [InlineData("2021/08/01 23:34:56 [crit] 2544368#0: *1 SSL_write() failed while sending response to client" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // The event pipe's temp file in the body phase cuts the response; a static file's open() is the request's 403/404.
    [InlineData("2016/03/29 06:08:10 [crit] 7042#0: *3 open() \"/var/lib/nginx/tmp/fastcgi/4/00/0000000004\" failed (13: Permission denied) while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData("2016/03/29 06:08:10 [error] 7042#0: *3 open() \"/var/www/html/a\" failed (13: Permission denied)" + NoUpstreamSfx, "not_an_upstream_error", 403)]
    // The static module's open() quoted without the record's head, also with the call dropped by the writer: the errno
    // group before nginx's suffix marks the record; ENOENT is 404. Without the suffix the path and errno are just prose.
    [InlineData("open() \"/usr/local/nginx/html/blog300\" failed (2: No such file or directory)" + NoUpstreamSfx, "not_an_upstream_error", 404)]
    [InlineData("\"/usr/local/nginx/html/blog300\" failed (2: No such file or directory)" + NoUpstreamSfx, "not_an_upstream_error", 404)]
    [InlineData("\"/usr/local/nginx/html/blog300\" failed (2: No such file or directory) on our test box", "not_an_upstream_error", null)]
    [InlineData("\"/var/lib/nginx/body/0000000001\" failed (2: No such file or directory)" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // Any other errno is one the static module logs at crit and answers with 500 (the path may be elided by the writer);
    // EACCES is left alone, the dropped call may be another than open().
    [InlineData(">\"xxxx.js\" failed (11: Resource temporarily unavailable)" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("\"/srv/a.png\" failed (13: Permission denied)" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // The index module's "is not found" after a quoted absolute path, cut before the suffix or inside the errno text (a
    // code comment's paste): still its 404. The same words without an errno group are prose; open() at [error] without
    // the connection number may be "nginx -s reload" missing its pid file: no status.
    [InlineData("\t// \"/srv/www/dj/public/index.html\" is not found (2: No such file or direc", "not_an_upstream_error", 404)]
    [InlineData("\"/srv/www/dj/public/index.html\" is not found (20: Not a directory)", "not_an_upstream_error", 404)]
    [InlineData("\"/srv/www/dj/public/index.html\" is not found on the new box", "not_an_upstream_error", null)]
    // The errno group cut too: the quoted absolute path's "is not found" is still ngx_http_index_error's 404 on a record
    // (its level kept, the pid and connection number elided by the writer); quoted alone it stays prose.
    [InlineData("nginx    | 2025/10/26 01:28:25 [error] ... \"/usr/share/nginx/html/index.html\" is not found", "not_an_upstream_error", 404)]
    [InlineData("2023/06/05 13:59:37 [error] 20#20: *5 \"/app/static/a/index.html\" is not found" + NoUpstreamSfx, "not_an_upstream_error", 404)]
    [InlineData("\"/srv/www/dj/public/index.html\" is not found", "not_an_upstream_error", null)]
    [InlineData("2017/07/10 09:36:52 [error] 28#28: open() \"/var/run/nginx.pid\" failed (2: No such file or directory)", "not_an_upstream_error", null)]
    // ngx_files.c's short write of the event pipe's temp file has no errno; in the body phase it still cuts the response.
    [InlineData("2019/05/03 10:11:12 [crit] 21295#21295: *1182 pwritev() \"/var/lib/nginx/fastcgi/2/57/0000000572\" has written only 936 of 8184 while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData("the log says it has written only 936 of 8184 bytes", "not_an_upstream_error", null)]
    // A writer's backticks around a temp path keep the event pipe's failure a cut response.
    [InlineData("2019/10/16 16:11:36 [crit] 5881#0: *80999 mkdir() `\"/usr/local/openresty/nginx/proxy_temp/1/35\"` failed (13: Permission denied) while reading upstream" + Sfx, "response_truncated", null)]
    // Chinese, Japanese and Korean prose glue the message to their own letters; an English word glued to it does not open it.
    [InlineData("# 访问出现500 - error.log中报错rewrite or internal redirection cycle while internally redirecting to index.html", "not_an_upstream_error", 500)]
    [InlineData("# got 500 - logs saidrewrite or internal redirection cycle while internally redirecting to index.html", "not_an_upstream_error", null)]
    // client_header_timeout / client_body_timeout: 408; an idle keep-alive connection has no request.
    [InlineData("2025/06/03 19:26:19 [info] 29913#0: *41 client timed out (110: Connection timed out) while reading client request headers" + NoUpstreamSfx, "not_an_upstream_error", 408)]
    [InlineData("2025/06/03 19:26:19 [info] 29913#0: *41 client timed out (110: Connection timed out) while reading client request body" + NoUpstreamSfx, "not_an_upstream_error", 408)]
    [InlineData("2022/07/21 09:47:55 [info] 24#24: *1 client timed out (110: Connection timed out) while waiting for request, client: 172.24.0.1, server: 0.0.0.0:80", "not_an_upstream_error", null)]
    // The client closes or resets while its request is read: the request exists and is finalized with 400. Before the
    // first byte there is no request; during the upstream exchange it is 499.
    [InlineData("2020/05/12 18:03:27 [info] 1468#0: *7 client prematurely closed connection while reading client request line, client: 10.1.2.3, server: shop.example", "client_abort", 400)]
    [InlineData("2020/05/12 18:03:27 [info] 1468#0: *7 client prematurely closed connection while reading client request body" + NoUpstreamSfx, "client_abort", 400)]
    [InlineData("2020/05/12 18:03:27 [info] 1468#0: *7 recv() failed (104: Connection reset by peer) while reading client request headers" + NoUpstreamSfx, "not_an_upstream_error", 400)]
    [InlineData("2020/05/12 18:03:27 [info] 1468#0: *7 client closed connection while waiting for request, client: 10.1.2.3, server: 0.0.0.0:80", "client_abort", null)]
    [InlineData("2020/05/12 18:03:27 [info] 1468#0: *7 recv() failed (104: Connection reset by peer) while waiting for request, client: 10.1.2.3, server: 0.0.0.0:80", "not_an_upstream_error", null)]
    [InlineData("2020/05/12 18:03:27 [info] 1468#0: *7 client prematurely closed connection while sending request to upstream" + Sfx, "client_abort", 499)]
    // After the header went out the client's leaving keeps the status already sent (ngx_http_terminate_request sets 499
    // only while nothing was sent), so a body-phase abort decides none, with or without "so upstream connection is closed
    // too"; that phrase alone (no action) or with a header-phase action stays 499.
    [InlineData("2026/11/21 23:44:10 [info] 2033#2033: *5 epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too while reading upstream" + Sfx, "client_abort", null)]
    [InlineData("2026/11/21 23:44:11 [info] 2033#2033: *7 client prematurely closed connection, so upstream connection is closed too while sending to client" + Sfx, "client_abort", null)]
    [InlineData("2026/11/21 23:44:11 [info] 2033#2033: *7 client prematurely closed connection while reading upstream" + Sfx, "client_abort", null)]
    [InlineData("2026/11/21 23:44:11 [info] 2033#2033: *7 client prematurely closed connection, so upstream connection is closed too while reading response header from upstream" + Sfx, "client_abort", 499)]
    [InlineData("2026/11/21 23:44:11 [info] 2033#2033: *7 client prematurely closed connection, so upstream connection is closed too", "client_abort", 499)]
    // auth_basic refuses an unknown user, a wrong password and missing credentials with 401; a user name in other text does not.
    [InlineData("2012/04/09 11:53:29 [error] 2865#0: *66 user \"xyz\" was not found in \"/var/www/.htpasswd\"" + NoUpstreamSfx, "not_an_upstream_error", 401)]
    [InlineData("2012/04/09 11:53:36 [error] 2865#0: *66 user \"xyz\": password mismatch" + NoUpstreamSfx, "not_an_upstream_error", 401)]
    [InlineData("2012/04/09 11:53:36 [info] 2865#0: *66 no user/password was provided for basic authentication" + NoUpstreamSfx, "not_an_upstream_error", 401)]
    [InlineData("2012/04/09 11:53:36 [error] 2865#0: *66 user \"xyz\" logged in" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // A writer's copy without the colon after the user name is still the wrong password's refusal.
    [InlineData("2025/01/15 14:04:00 [error] 1234#0: *2 user \"root\" password mismatch" + NoUpstreamSfx, "not_an_upstream_error", 401)]
    [InlineData("2025/01/15 14:04:00 [error] 1234#0: *2 user \"root\" password mismatch detected by a scanner" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // The same records held in a string literal whose quotes are escaped.
    [InlineData("    let line = \"2025/01/15 14:04:00 [error] 1234#0: *2 user \\\"root\\\" password mismatch, client: 192.0.2.111, server: example.com, request: \\\"GET /private/ HTTP/1.1\\\"\";", "not_an_upstream_error", 401)]
    [InlineData("        \"2012/04/09 11:53:29 [error] 2865#0: *66647 user \\\"xyz\\\" was not found in \\\"/var/www/.htpasswd\\\", client: 192.0.43.10, server: www.myhost.com, request: \\\"GET / HTTP/1.1\\\", host: \\\"www.myhost.com\\\"\",", "not_an_upstream_error", 401)]
    // nginx's own temp file for the request body (ten-digit name) failing outside the body phase: 500; a static file: 403.
    [InlineData("2026/10/07 10:00:00 [crit] 7#7: *12 open() \"/var/cache/nginx/client_temp/0000000002\" failed (13: Permission denied)" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2026/10/07 10:00:00 [error] 7#7: *12 open() \"/var/www/html/0000000002.html\" failed (13: Permission denied)" + NoUpstreamSfx, "not_an_upstream_error", 403)]
    // The body temp file's write failing (a full disk) ends the request with 500 as its open() does; the same write of
    // a non-temp file (the access log) decides nothing.
    [InlineData("2026/10/07 10:00:00 [crit] 7#7: *12 pwrite() \"/var/lib/nginx/tmp/client_body/0000000002\" failed (28: No space left on device)" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2026/10/07 10:00:00 [crit] 7#7: *12 pwritev() \"/tmp/client-body/0000001031\" failed (28: No space left on device)" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2026/10/07 10:00:00 [alert] 7#7: *12 write() \"/var/log/nginx/access.log\" failed (28: No space left on device)" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // "connect() failed" cut right after "failed" says nothing of whose connect() it was; with the upstream action it is C1's.
    // uwsgi, scgi and FastCGI could not build the request they send (create_request failed): 500 before any upstream.
    [InlineData("2021/05/26 10:00:00 [alert] 7#7: *3 uwsgi request is too big: 81492" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2021/05/26 10:00:00 [alert] 7#7: *3 scgi request length mismatch" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2021/05/26 10:00:00 [alert] 7#7: *3 fastcgi request record is too big: 70000" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("Alert : uwsgi request is too big: 81492, client: 10.1.2.3, server: shop.example, request: \"GET / HTTP/1.1\"", "not_an_upstream_error", 500)]
    [InlineData("note: uwsgi request is too slow on mondays", "not_an_upstream_error", null)]
    [InlineData("2026/10/07 10:00:00 [crit] 29#29: *1 connect() failed", "not_an_upstream_error", null)]
    [InlineData("2026/10/07 10:00:00 [error] 29#29: *1 connect() failed while connecting to upstream, client: 10.1.2.3, server: shop.example", "not_an_upstream_error", 502)]
    // Request-only messages quoted alone keep the status nginx gives them; other "client sent" text does not get one.
    [InlineData("access forbidden by rule, client: X.X.X.X", "not_an_upstream_error", 403)]
    [InlineData("- `directory index of \"/home/app/build/\" is forbidden`", "not_an_upstream_error", 403)]
    [InlineData("...directory index of \"/var/www/html/\" is forbidden...", "not_an_upstream_error", 403)]
    [InlineData("[error] rewrite or internal redirection cycle while internally redirecting to \"/index.html\"", "not_an_upstream_error", 500)]
    [InlineData("client sent too long URI", "not_an_upstream_error", 414)]
    [InlineData("client intended to send too large chunked body", "not_an_upstream_error", 413)]
    [InlineData("    # («client intended to send too large chunked body»).", "not_an_upstream_error", 413)]
    [InlineData("client sent a greeting card", "not_an_upstream_error", null)]
    // An invalid header skipped under ignore_invalid_headers quotes its whole line and decides nothing; one nginx cannot
    // parse is quoted up to the bad byte ("\x00...") and ends the request with 400, as does the message quoted alone.
    [InlineData("2023/06/30 20:03:48 [info] 20850#0: *6 client sent invalid header line: \"X_Custom: a\" while reading client request headers" + NoUpstreamSfx, "not_an_upstream_error", null)]
    [InlineData("2023/06/30 20:03:48 [info] 20850#0: *6 client sent invalid header line: \"X-Custom\\x00...\" while reading client request headers" + NoUpstreamSfx, "not_an_upstream_error", 400)]
    [InlineData("client sent invalid header line while reading client request headers", "not_an_upstream_error", 400)]
    [InlineData("2008/08/14 12:59:05 [error] 7419#0: *625 directory index of \"/var/www/skins/\" is forbidden,    client: 66.249.71.183, server: example.com", "not_an_upstream_error", 403)]
    [InlineData("2020/10/26 19:12:10 [error] 43071#0: *1 could not find named location \"@405\"" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2017/07/27 13:02:01 [error] 8039#0: *2272 the rewritten URI has a zero length" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2017/07/27 13:02:01 [error] 8039#0: *2272 the rewritten URI is long" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // A record as a string literal in code, behind the opening quote, with its inner quotes escaped.
    [InlineData("    res = parse( \"2020/10/26 19:12:09 [error] 43057#0: *14 stat() \\\"/srv/a.jsp\\\" failed (2: No such file or directory), client: 10.1.1.1, server: s, request: \\\"GET /a.jsp HTTP/1.1\\\", host: \\\"s\\\"\" );", "not_an_upstream_error", 404)]
    // C5: the upstream action makes it a request's 500; the accept-side form has no request.
    [InlineData("  [alert] 512 worker_connections are not enough while connecting to upstream,", "fd_exhaustion", 500)]
    [InlineData("    { message: '1024 worker_connections are not enough', level: 'ERROR' },", "fd_exhaustion", null)]
    // A writer who dropped "server:" still leaves the suffix, so the action is read (connect timeout, not read timeout).
    [InlineData("2025/11/01 10:16:01 [error] 1246#1246: *1101 upstream timed out (110: Connection timed out) while connecting to upstream, client: 192.168.1.21, upstream: \"http://10.0.3.5:8080/api/user\"", "upstream_timeout_connect", 504)]
    // The client-abort message wrapped at its own comma: the second half says the client left during an upstream phase.
    [InlineData("epoll_wait() reported that client prematurely closed connection,\nso upstream connection is closed too while reading response header from upstream,\nclient: 192.168.228.58,", "client_abort", 499)]
    [InlineData("epoll_wait() reported that client prematurely closed connection,\nsomething else entirely", "client_abort", null)]
    // A writer who dropped the event call's parentheses; another "reported that" of the event module is not a client abort.
    [InlineData("2025/02/20 03:44:44 [info] 3331158#3331158: *1023472 epoll_wait reported that client prematurely closed connection, so upstream connection is closed too while connecting to upstream" + Sfx, "client_abort", 499)]
    [InlineData("2025/02/20 03:44:44 [error] 3331158#3331158: *1023472 kevent() reported that connect() failed (61: Connection refused) while connecting to upstream" + Sfx, "upstream_down", 502)]
    // 494, 495 and 496 are sent and logged as 400 (ngx_http_special_response_handler); a greeting card stays unknown.
    [InlineData("2025/07/16 10:59:15 [info] 53#53: *2841 client sent too long header line: \"Cookie: a=b...\"", "not_an_upstream_error", 400)]
    [InlineData("2025/07/16 10:59:15 [info] 53#53: *2841 client sent too large request" + NoUpstreamSfx, "not_an_upstream_error", 400)]
    [InlineData("2017/06/06 15:59:58 [info] 6#6: *2 client SSL certificate verify error: (26:unsupported certificate purpose) while reading client request headers" + NoUpstreamSfx, "not_an_upstream_error", 400)]
    [InlineData("client sent no required SSL certificate while reading client request headers", "not_an_upstream_error", 400)]
    // A subrequest's record decides no status, whatever the subrequest got: its issuer answers the client.
    [InlineData("2015/11/04 15:22:07 [info] 21505#0: *1 key: \"/a\" was not found by memcached while reading response header from upstream, client: unix:, server: localhost, request: \"GET /a HTTP/1.1\", subrequest: \"/memc\", upstream: \"memcached://unix:/tmp/m.sock:\", host: \"localhost\"", "not_an_upstream_error", null)]
    [InlineData("2015/11/04 15:22:07 [info] 21505#0: *1 key: \"/a\" was not found by memcached while reading response header from upstream, client: unix:, server: localhost, request: \"GET /a HTTP/1.1\", upstream: \"memcached://unix:/tmp/m.sock:\", host: \"localhost\"", "not_an_upstream_error", 404)]
    // A title opening with a request-only message, capitalised; a capitalised sentence about something else stays prose.
    [InlineData("Access forbidden by rule: \"GET /data/htaccesstest.txt HTTP/1.1\"", "not_an_upstream_error", 403)]
    [InlineData("Access forbidden for everyone here", "not_an_upstream_error", null)]
    // A handshake failure quoted without its action: at [error] it is the upstream connection's (a client's is logged at
    // info or crit), so 502; at info it stays the client's.
    [InlineData("2026/08/24 04:00:02 [error] 7#7: *3 SSL_do_handshake() failed (SSL: error:0A00006C)", "upstream_tls", 502)]
    [InlineData("2026/08/24 04:00:02 [info] 7#7: *3 SSL_do_handshake() failed (SSL: error:0A00006C)", "not_an_upstream_error", null)]
    [InlineData("2026/08/24 04:00:02 [crit] 7#7: *3 SSL_do_handshake() failed (SSL: error:0A00006C)", "not_an_upstream_error", null)]
    // stat() at crit is try_files' test of one alternative, which goes on to the next: no status; at error it is the
    // static module's own refusal (403).
    [InlineData("2025/07/07 17:51:21 [crit] 32431#32431: *98 stat() \"/home/u/dist/index.html\" failed (13: Permission denied)" + NoUpstreamSfx, "not_an_upstream_error", null)]
    [InlineData("2025/07/07 17:51:21 [error] 32431#32431: *98 stat() \"/home/u/dist/index.html\" failed (13: Permission denied)" + NoUpstreamSfx, "not_an_upstream_error", 403)]
    // The index module's "is not found" is its 404 whatever the errno (ENOTDIR, ENAMETOOLONG too; EACCES is "is
    // forbidden"); the same errno on another message decides nothing here.
    [InlineData("2023/06/05 13:59:37 [error] 20#20: *5 \"/app/static/index.html/index.html\" is not found (20: Not a directory)" + NoUpstreamSfx, "not_an_upstream_error", 404)]
    [InlineData("2023/06/05 13:59:37 [error] 20#20: *5 \"/app/static/a/index.html\" is not found (36: File name too long)" + NoUpstreamSfx, "not_an_upstream_error", 404)]
    [InlineData("2023/06/05 13:59:37 [error] 20#20: *5 \"/app/static/a/index.html\" is not what we wanted (20: Not a directory)" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // The static module answers ENOTDIR as ENOENT (404); on Windows NGX_ENOTDIR is ERROR_PATH_NOT_FOUND (3).
    [InlineData("2023/06/05 13:59:37 [error] 20#20: *5 open() \"/app/static/index.html/a.css\" failed (20: Not a directory)" + NoUpstreamSfx, "not_an_upstream_error", 404)]
    [InlineData("2020/06/26 22:51:50 [error] 10584#15300: *4 CreateFile() \"D:\\srv\\html/history/history.css\" failed (3: The system cannot find the path specified)" + NoUpstreamSfx, "not_an_upstream_error", 404)]
    [InlineData("2025/11/04 14:41:14 [error] 35036#18984: CreateFile() \"C:\\nginx/logs/nginx.pid\" failed (3: The system cannot find the path specified)", "not_an_upstream_error", null)]
    // CreateFile() at crit is the Windows build's open() at crit: the static module's or auth_basic's 500 whatever the
    // errno (Windows' 123, a tab or newline the configuration's backslashes made in the path), and a "$uri/" test stays
    // without status as open() does.
    [InlineData("2011/06/16 22:13:38 [crit] 4756#5412: *5 CreateFile() \"G:\tpweb/test.html\" failed (123: The filename, directory name, or volume label syntax is incorrect)" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2026/09/22 15:49:18 [crit] 25548#32588: *1 CreateFile() \"C:/nginx/conf/.htpasswd\" failed (5: Access is denied)" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2026/09/22 15:49:18 [crit] 25548#32588: *1 CreateFile() \"C:/www/docs/\" failed (5: Access is denied)" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // open() at crit is never the static module's 403/404 (it logs ENOENT and EACCES at error): auth_basic's user file or
    // another errno, answered 500.
    [InlineData("2016/02/08 08:39:44 [crit] 26#26: *1 open() \"/etc/nginx/htpasswd/a.example\" failed (13: Permission denied)" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("[crit] 39#0 *11 open() \"/etc/nginx/htpasswd/mydomain.com\" failed (13: Permission Denied)", "not_an_upstream_error", 500)]
    // auth_basic's refusals quoted without the record's head, behind a writer's "[..]" elision, are still a request's 401.
    [InlineData("[..] user \"foo@example.com\" was not found in \"/etc/nginx/auth/example.com.pw\" [..]", "not_an_upstream_error", 401)]
    [InlineData("no user/password was provided for basic authentication", "not_an_upstream_error", 401)]
    [InlineData("user \"root\" logged in somewhere", "not_an_upstream_error", null)]
    // HTTP/2: a stream ended short of its announced body is a 400; the bare message (also a reset stream's) decides none.
    [InlineData("2025/10/30 10:04:43 [info] 29#29: *3523 client prematurely closed stream: only 0 out of 151554 bytes of request body received" + NoUpstreamSfx, "client_abort", 400)]
    [InlineData("2025/10/30 10:04:43 [info] 29#29: *3523 client prematurely closed stream" + NoUpstreamSfx, "client_abort", null)]
    // A Lua request handler's runtime error ends the request with 500; a timer's decides no status.
    [InlineData("2015/06/02 18:01:40 [error] 26686#0: *1 lua entry thread aborted: runtime error: content_by_lua(nginx.conf:55):1: boom" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2015/06/02 18:01:40 [error] 26686#0: *1 lua entry thread aborted: runtime error: access_by_lua(nginx.conf:12):3: boom" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2015/06/02 18:01:40 [error] 26686#0: *1 lua entry thread aborted: runtime error: /usr/local/lib/timer.lua:9: boom, context: ngx.timer", "not_an_upstream_error", null)]
    // lua-nginx-module writes the traceback inside the record, newlines and all: the suffix after the last frame (a
    // subrequest's field, a timer's context) decides, as it does on one line.
    [InlineData("2015/06/02 18:01:40 [error] 26686#0: *1 lua entry thread aborted: runtime error: /srv/lua/page.lua:25: boom\nstack traceback:\ncoroutine 0:\n\t[C]: in function 'capture'\n\t/srv/lua/page.lua:25: in function </srv/lua/page.lua:1>, client: 10.0.0.1, server: shop.test, request: \"GET / HTTP/1.1\", subrequest: \"/inner\", host: \"shop.test\"", "not_an_upstream_error", null)]
    [InlineData("2015/06/02 18:01:40 [error] 26686#0: *1 lua entry thread aborted: runtime error: /srv/lua/page.lua:25: boom\nstack traceback:\ncoroutine 0:\n\t/srv/lua/page.lua:25: in function </srv/lua/page.lua:1>, context: ngx.timer", "not_an_upstream_error", null)]
    [InlineData("2015/06/02 18:01:40 [error] 26686#0: *1 lua entry thread aborted: runtime error: /srv/lua/page.lua:25: boom\nstack traceback:\ncoroutine 0:\n\t/srv/lua/page.lua:25: in function </srv/lua/page.lua:1>" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    // C5 answers 500 only for the upstream's connect, which names its action; a Lua cosocket's connect for a request (no
    // action) leaves the answer to its caller, and a timer's record has no request at all.
    [InlineData("2023/06/28 09:47:21 [alert] 7829#7829: *51849 512 worker_connections are not enough while connecting to upstream, client: 10.0.0.1, server: , request: \"GET / HTTP/1.0\", upstream: \"http://[::1]:8001/\"", "fd_exhaustion", 500)]
    [InlineData("2023/06/28 09:47:21 [alert] 7829#7829: *51849 512 worker_connections are not enough, client: 10.0.0.1, server: , request: \"GET / HTTP/1.0\"", "fd_exhaustion", null)]
    [InlineData("2023/06/28 09:47:21 [alert] 7829#7829: *51859 512 worker_connections are not enough, context: ngx.timer, client: 10.0.0.1, server: 0.0.0.0:80", "fd_exhaustion", null)]
    // balancer_by_lua's error makes the upstream's peer selection fail: 500, also with its traceback on the next lines.
    [InlineData("2018/08/13 03:25:45 [error] 426#426: *67 failed to run balancer_by_lua*: /etc/nginx/lua/balancer.lua:118: boom while connecting to upstream" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2018/08/13 03:25:45 [error] 426#426: *67 failed to run balancer_by_lua*: /etc/nginx/lua/balancer.lua:118: boom\nstack traceback:\n        [C]: in function 'set_current_peer'\n        balancer_by_lua:2: in function <balancer_by_lua:1> while connecting to upstream" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    // A connect() to a bare host name is no upstream peer's (nginx writes those as address and port, or unix:): another
    // module's own connect, such as nginx-acme's to its CA, with no request behind it. A peer with its port stays C1.
    [InlineData("connect() to acme-v02.api.letsencrypt.org failed (101: Network unreachable)", "not_an_upstream_error", null)]
    [InlineData("connect() to 10.0.0.9:8080 failed (101: Network unreachable)", "network_unreachable", 502)]
    [InlineData("connect() to unix:/run/app.sock failed (111: Connection refused)", "upstream_down", 502)]
    // An error raised from C (require) names no chunk: without a timer's or TLS phase's context it is a request handler's.
    [InlineData("2015/06/02 18:01:40 [error] 26686#0: *1 lua entry thread aborted: runtime error: error loading module 'cjson' from file '/usr/lib/lua/cjson.so':" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2015/06/02 18:01:40 [error] 26686#0: *1 lua entry thread aborted: runtime error: error loading module 'cjson' from file '/usr/lib/lua/cjson.so', context: ssl_certificate_by_lua*, client: 10.0.0.1, server: 0.0.0.0:443", "not_an_upstream_error", null)]
    [InlineData("2015/06/02 18:01:40 [error] 26686#0: *1 lua entry thread aborted: runtime error: init_worker_by_lua:3: boom", "not_an_upstream_error", null)]
    // Kong catches a plugin's access handler error in its runloop (init.lua, under the plugin's name) and answers 500; a
    // plugin's own kong.log output names its own file and decides nothing.
    [InlineData("2023/02/10 12:49:34 [error] 2107#0: *2582 [kong] init.lua:317 [pre-function] /usr/local/share/lua/5.1/kong/tools/sandbox.lua:88: require 'resty.http' not allowed within sandbox" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2023/02/06 07:44:30 [error] 2207#0: *990 [kong] handler.lua:12 [my-plugin] keys retrieved: 4" + NoUpstreamSfx, "not_an_upstream_error", null)]
    [InlineData("2023/02/06 07:44:30 [error] 2207#0: *990 [kong] init.lua:317 could not do something" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // A *_pass with variables whose value ngx_parse_url rejects, per request: 500 before any upstream; at start-up the
    // same text is an [emerg] with no request and decides nothing.
    [InlineData("2023/02/14 03:42:55 [error] 39#39: *7 no host in upstream \":9000\"" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2023/02/14 03:42:55 [error] 39#39: *7 invalid port in upstream \"backend:http\"" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2023/02/14 03:42:55 [emerg] 1#1: invalid port in upstream \"http://127.0.0.1:8787\" in /etc/nginx/conf.d/a.conf:3", "not_an_upstream_error", null)]
    // A Lua handler whose code cannot be loaded: a missing file is lua-nginx-module's 404, a syntax error its 500; a file
    // it cannot read for another reason is 404 or 503 by release, so no status.
    [InlineData("2017/01/10 21:27:26 [error] 2404#0: *1 failed to load external Lua file \"/srv/lua/hello.lua\": cannot open /srv/lua/hello.lua: No such file or directory" + NoUpstreamSfx, "not_an_upstream_error", 404)]
    [InlineData("2017/01/10 21:27:26 [error] 2404#0: *1 failed to load external Lua file \"/srv/lua/hello.lua\": /srv/lua/hello.lua:3: '=' expected near 'end'" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2017/01/10 21:27:26 [error] 2404#0: *1 failed to load external Lua file \"/srv/lua/hello.lua\": cannot open /srv/lua/hello.lua: Permission denied" + NoUpstreamSfx, "not_an_upstream_error", null)]
    [InlineData("2017/01/10 21:27:26 [error] 2404#0: *1 failed to load inlined Lua code: content_by_lua(nginx.conf:12):2: unexpected symbol near 'x'" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    // limit_req rejects with limit_req_status (503 by default); a delay within the burst and a dry run reject nothing.
    [InlineData("2025/03/11 17:16:07 [error] 30#30: *312 limiting requests, excess: 5.418 by zone \"login_zone\"" + NoUpstreamSfx, "rate_limited", 503)]
    [InlineData("2025/03/11 17:16:07 [warn] 30#30: *312 delaying request, excess: 0.418, by zone \"login_zone\"" + NoUpstreamSfx, "rate_limited", null)]
    [InlineData("2025/03/11 17:16:07 [error] 30#30: *312 limiting requests, dry run, excess: 5.418 by zone \"login_zone\"" + NoUpstreamSfx, "rate_limited", null)]
    // The stream access and limit_conn modules refuse a session (no request, the listen address as server): no HTTP status.
    [InlineData("2025/11/05 10:34:08 [error] 95#95: *42 access forbidden by rule, client: 172.22.0.1, server: 0.0.0.0:1935", "not_an_upstream_error", null)]
    [InlineData("2025/11/05 10:34:08 [error] 95#95: *43 limiting connections by zone \"addr\", client: 172.22.0.1, server: 0.0.0.0:3306", "rate_limited", null)]
    // The DAV module refuses a COPY or MOVE it cannot carry out: 400 for the request's own faults, 409 for a collection
    // against a non-collection; an unrelated "Destination" sentence decides nothing.
    [InlineData("2020/05/20 10:06:51 [error] 12862#0: *15 \"Destination\" URI \"http://other/x.html\" is handled by different repository than the source URI, client: 127.0.0.1, server: localhost, request: \"MOVE /index.html HTTP/1.1\", host: \"127.0.0.1\"", "not_an_upstream_error", 400)]
    [InlineData("2020/05/20 10:06:51 [error] 12862#0: *16 client sent invalid \"Destination\" header: \"ftp://x/\", client: 127.0.0.1, server: localhost, request: \"COPY /a HTTP/1.1\", host: \"127.0.0.1\"", "not_an_upstream_error", 400)]
    [InlineData("2020/05/20 10:06:51 [error] 12862#0: *17 both URI \"/a/\" and \"Destination\" URI \"http://127.0.0.1/b\" should be either collections or non-collections, client: 127.0.0.1, server: localhost, request: \"MOVE /a/ HTTP/1.1\", host: \"127.0.0.1\"", "not_an_upstream_error", 409)]
    [InlineData("2020/05/20 10:06:51 [error] 12862#0: *18 \"Destination\" URI \"http://127.0.0.1/b\" was copied, client: 127.0.0.1, server: localhost, request: \"COPY /a HTTP/1.1\", host: \"127.0.0.1\"", "not_an_upstream_error", null)]
    // proxy_cache's keys zone full: ngx_http_file_cache_exists' alert (on the cycle's log, no request fields) and its
    // NGX_ERROR, finalized with 500; another zone's message, or the cache manager's own lines, decide nothing.
    [InlineData("2018/04/09 18:01:51 [alert] 2036#0: could not allocate node in cache keys zone \"cache_one\"", "not_an_upstream_error", 500)]
    [InlineData("2018/04/09 18:01:51 [alert] 2036#0: could not allocate node in limit_req zone \"one\"", "not_an_upstream_error", null)]
    [InlineData("2011/08/18 14:41:54 [alert] 21352#0: cache manager process 21377 exited with fatal code 2 and can not be respawn", "not_an_upstream_error", null)]
    // A file-serving module naming its C function before open() (nginx-vod-module's file reader) maps the errno as the
    // static module does; a name that is not a C identifier, or another call after it, is left alone.
    [InlineData("2016/03/28 20:32:11 [error] 8797#0: *377 ngx_file_reader_update_state_file_info: open() \"/var/www/a.mp4\" failed (2: No such file or directory)" + NoUpstreamSfx, "not_an_upstream_error", 404)]
    [InlineData("2016/03/28 20:32:11 [error] 8797#0: *377 ngx_file_reader_update_state_file_info: open() \"/var/www/a.mp4\" failed (13: Permission denied)" + NoUpstreamSfx, "not_an_upstream_error", 403)]
    [InlineData("2016/03/28 20:32:11 [error] 8797#0: *377 my module: open() \"/var/www/a.mp4\" failed (2: No such file or directory)" + NoUpstreamSfx, "not_an_upstream_error", null)]
    [InlineData("2016/03/28 20:32:11 [error] 8797#0: *377 ngx_file_reader_update_state_file_info: stat() \"/var/www/a.mp4\" failed (2: No such file or directory)" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // image_filter refuses an image over image_filter_buffer with 415, also quoted alone or in prose backticks; the mp4
    // module's errors (the file named first) are its handler's 500; another module's words after a quoted path are not.
    [InlineData("2025/01/25 19:50:28 [error] 200345#0: *3719 image filter: too big response: 1438718 while sending response to client" + NoUpstreamSfx, "not_an_upstream_error", 415)]
    [InlineData("image filter: too big response: 1438718", "not_an_upstream_error", 415)]
    [InlineData("logged as `image filter: too big response: <len>`. Can be caught with `error_page 415 = ...`.", "not_an_upstream_error", 415)]
    [InlineData("2025/01/25 19:50:28 [error] 200345#0: *3719 \"/v/a.mp4\" mp4 moov atom is too large:12583268, you may want to increase mp4_max_buffer_size" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2025/01/25 19:50:28 [error] 200345#0: *3719 \"/v/a.mp4\" mp4 start time exceeds file duration" + NoUpstreamSfx, "not_an_upstream_error", 500)]
    [InlineData("2025/01/25 19:50:28 [error] 200345#0: *3719 \"/v/a.mp4\" mpeg start time exceeds file duration" + NoUpstreamSfx, "not_an_upstream_error", null)]
    // The cache's or proxy_store's update of a finished temp file (rename() or MoveFile(), unlink() or DeleteFile())
    // fails after the body was read whole: the entry is not stored, the response is not cut; open() of the temp file is.
    [InlineData("2016/03/29 06:08:10 [crit] 7042#0: *3 rename() \"/var/cache/nginx/temp/0000000004\" to \"/var/cache/nginx/a/b\" failed (13: Permission denied) while reading upstream" + Sfx, "not_an_upstream_error", null)]
    [InlineData("2015/09/14 19:44:50 [crit] 8444#736: *49 DeleteFile() \"./fastcgi_temp/k/9/pb10.00110056674.DELETE\" failed (2: The system cannot find the file specified) while reading upstream" + Sfx, "not_an_upstream_error", null)]
    [InlineData("2016/01/04 13:28:10 [crit] 7158#0: *25859 open() \"/tmp/cache/temp/0000000312\" failed (2: No such file or directory) while reading upstream" + Sfx, "response_truncated", null)]
    public void Record_GetsTheStatusNginxGives(string line, string cause, int? status)
    {
        var record = DiagnosisEngine.Analyze(line).Records[0];
        Assert.Equal(cause, record.Cause);
        Assert.Equal(status, record.Status);
    }

    [Fact]
    public void PidTid_WithoutColon_KeepsPidAndConnection()
    {
        var record = Assert.Single(DiagnosisEngine.Analyze("[crit] 39#0 *11 open() \"/etc/nginx/htpasswd/x\" failed (13: Permission denied)").Records);
        Assert.Equal(11, record.ConnectionId);
    }

    [Fact]
    public void ConnectionNumber_GluedToQuotedPath_KeepsTheConnectionAndStatus()
    {
        const string line = "*422\"/etc/nginx/html/index.html\" is not found (2: No such file or directory)" + NoUpstreamSfx;
        var record = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal(422, record.ConnectionId);
        Assert.Equal(404, record.Status);

        // Another character glued to the number is not nginx's connection mark.
        var other = Assert.Single(DiagnosisEngine.Analyze("*422x\"/etc/nginx/html/index.html\" is not found (2: No such file or directory)" + NoUpstreamSfx).Records);
        Assert.NotEqual(422, other.ConnectionId);
    }

    [Fact]
    public void PidTid_WithoutSpaceBeforeConnectionNumber_KeepsTheConnection()
    {
        const string line = "Dec 24 01:23:45 192.168.0.2 nginx: 2021/12/24 01:23:45 [info] 1776#1776:*71220252 epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too while sending request to upstream" + Sfx;
        var record = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal(71220252, record.ConnectionId);
        Assert.Equal("client_abort", record.Cause);
        Assert.Equal(499, record.Status);
    }

    [Fact]
    public void PidTid_WithEscapedHash_KeepsTheRecordHead()
    {
        // Test::Nginx's failure message (TAP escapes "#") quoting the record.
        const string line = "# Failed test 'TEST 1' matches line \"2016/02/01 11:59:50 [error] 1788\\#0: *1 lua entry thread aborted: runtime error: content_by_lua(nginx.conf:42):2: bad\"'";
        var record = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal(1, record.ConnectionId);
        Assert.Equal("not_an_upstream_error", record.Cause);
        Assert.Equal(500, record.Status);
    }

    [Theory]
    // A copy with a space before the "#" keeps the head: the connection number and the cause come from the message.
    [InlineData("2021/09/02 16:17:53 [crit] 4073 #4073: *15 connect() to 127.0.0.1:3306 failed (13: Permission denied) while connecting to upstream, client: 127.0.0.1, server: 0.0.0.0:8009, upstream: \"127.0.0.1:3306\"", 15, "selinux_denied")]
    [InlineData("2020/01/01 10:00:00 [error] 77 #0: *9 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: 0.0.0.0:5432, upstream: \"10.0.0.2:5432\"", 9, "upstream_down")]
    public void PidTid_WithSpaceBeforeHash_KeepsTheRecordHead(string line, long connection, string cause)
    {
        var record = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal(connection, record.ConnectionId);
        Assert.Equal(cause, record.Cause);
        Assert.Null(record.Status);
    }

    [Theory]
    // The log phase runs after the response went out: its failures (the access log's file) leave the status alone; the
    // same open() for the request itself at crit is the static module's 500.
    [InlineData("2020/01/01 10:00:00 [crit] 5045#0: *1 open() \"/var/log/nginx/a.access.log\" failed (13: Permission denied) while logging request" + NoUpstreamSfx, null)]
    [InlineData("[crit] 5045#0: *1 open() \"/var/log/nginx/a.access.log\" failed (13: Permission denied) while logging request", null)]
    [InlineData("2020/01/01 10:00:00 [crit] 5045#0: *1 open() \"/var/www/a.html\" failed (5: Input/output error)" + NoUpstreamSfx, 500)]
    // open() of a directory at crit is try_files' test of a "$uri/" alternative: the next alternative decides. A file's
    // open() at crit stays 500, and the directory's at error stays the static mapping.
    [InlineData("2020/05/02 12:27:49 [crit] 18581#18581: *5 open() \"/home/ab/web/a.example/public_html/\" failed (13: Permission denied)" + NoUpstreamSfx, null)]
    [InlineData("2020/05/02 12:27:49 [crit] 18581#18581: *5 open() \"/home/ab/web/a.example/public_html/a.css\" failed (13: Permission denied)" + NoUpstreamSfx, 500)]
    [InlineData("2020/05/02 12:27:49 [error] 18581#18581: *5 open() \"/home/ab/web/a.example/public_html/a.css\" failed (13: Permission denied)" + NoUpstreamSfx, 403)]
    public void LogPhaseAndDirectoryTests_LeaveTheStatusToWhatDecidesIt(string line, int? status)
    {
        var record = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal("not_an_upstream_error", record.Cause);
        Assert.Equal(status, record.Status);
    }

    [Theory]
    // ngx_http_named_location's refusal is written only for a request: quoted alone it is still the request's 500;
    // prose that merely mentions a named location is not a record.
    [InlineData("could not find named location \"@fallback\"", 500)]
    [InlineData("`could not find named location \"http://localhost:81\"`", 500)]
    [InlineData("we could not find the named location block in the config", null)]
    public void NamedLocationMissing_QuotedAlone_IsTheRequests500(string line, int? status)
    {
        var record = DiagnosisEngine.Analyze(line).Records[0];
        Assert.Equal("not_an_upstream_error", record.Cause);
        Assert.Equal(status, record.Status);
    }

    [Theory]
    // ngx_http_process_request_header's body framing checks end the request with 400 (an unknown transfer coding with
    // 501), and so does a second copy of a unique header; the same texts quoted alone keep the status.
    [InlineData("2026/01/01 10:00:00 [info] 5#5: *1 client sent invalid \"Content-Length\" header while reading client request headers" + NoUpstreamSfx, 400)]
    [InlineData("client sent \"Content-Length\" and \"Transfer-Encoding\" headers at the same time while reading client request headers", 400)]
    [InlineData("client sent duplicate header line: \"Content-Length: 2\", previous value: \"Content-Length: 1\" while reading client request headers", 400)]
    [InlineData("client sent unknown \"Transfer-Encoding\": \"gzip\" while reading client request headers", 501)]
    // A writer's ellipsis in place of the pid and connection number after the level: the message is still read.
    [InlineData("[info] ... client sent invalid \"Content-Length\" header while reading client request headers", 400)]
    [InlineData("    # > [info] \u2026 client sent invalid \"Content-Length\" header while reading client request headers", 400)]
    public void RequestFramingRefusals_AreTheRequests400(string line, int? status)
    {
        var record = DiagnosisEngine.Analyze(line).Records[0];
        Assert.Equal("not_an_upstream_error", record.Cause);
        Assert.Equal(status, record.Status);
    }

    [Theory]
    // The embedded perl module's handler dying for a request is its 500 (ngx_http_perl_call_handler); the same handler's
    // "returned N results" alert goes on with NGX_OK, and the text with no request is prose or a start-up line.
    [InlineData("2015/11/29 19:29:47 [error] 5741#5741: *21343 call_sv(\"Minify::js_handler\") failed: \"Can't locate object method at /usr/share/nginx/perl/Minify.pm line 61.\"" + NoUpstreamSfx, 500)]
    [InlineData("2015/11/29 19:29:47 [alert] 5741#5741: *21343 call_sv(\"Minify::js_handler\") returned 2 results" + NoUpstreamSfx, null)]
    [InlineData("2015/11/29 19:29:47 [error] 5741#5741: call_sv(\"Minify::js_handler\") failed: \"Died at /usr/share/nginx/perl/Minify.pm line 3.\"", null)]
    public void PerlHandlerDied_ForARequest_IsItsHandlers500(string line, int? status)
    {
        var record = DiagnosisEngine.Analyze(line).Records[0];
        Assert.Equal("not_an_upstream_error", record.Cause);
        Assert.Equal(status, record.Status);
    }

    [Theory]
    // HTTP/2 RST_STREAM (CANCEL): waiting for the upstream's header, the broken-connection check finalizes with 499; in
    // the body phase the status already sent stays, and without an action the record does not say: none.
    [InlineData("2025/07/15 08:50:15 [info] 57#57: *9 client canceled stream 1 while connecting to upstream, client: 10.0.0.1, server: a.example, request: \"GET / HTTP/2.0\", upstream: \"http://10.0.0.2:8080/\", host: \"a.example\"", 499)]
    [InlineData("2025/07/15 08:50:15 [info] 57#57: *9 client canceled stream 3 while reading response header from upstream, client: 10.0.0.1, server: a.example, request: \"GET / HTTP/2.0\", upstream: \"http://10.0.0.2:8080/\", host: \"a.example\"", 499)]
    [InlineData("2025/07/15 08:50:15 [info] 57#57: *9 client canceled stream 5 while sending to client, client: 10.0.0.1, server: a.example, request: \"GET / HTTP/2.0\", upstream: \"http://10.0.0.2:8080/\", host: \"a.example\"", null)]
    [InlineData("2025/07/15 08:50:15 [info] 57#57: *9 client canceled stream 7, client: 10.0.0.1, server: a.example", null)]
    public void CanceledHttp2Stream_IsAClientAbort_499OnlyBeforeTheHeader(string line, int? status)
    {
        var record = DiagnosisEngine.Analyze(line).Records[0];
        Assert.Equal("client_abort", record.Cause);
        Assert.Equal(status, record.Status);
    }

    [Theory]
    // NGINX Plus's active health checks write ", health check \"NAME\" of peer ADDR in upstream \"NAME\"" where a
    // request's record has its client suffix: the action before it is read, and a probe has no client request, so no status.
    [InlineData("2023/04/14 16:10:17 [error] 7#7: upstream timed out (110: Connection timed out) while reading response header from upstream, health check \"\" of peer 192.168.32.4:80 in upstream \"app\"", "upstream_timeout_read")]
    [InlineData("[error] 7#7: upstream timed out (110: Connection timed out) while reading response header from upstream, health check \"\" of peer 192.168.32.4:80 in upstream \"app\"", "upstream_timeout_read")]
    [InlineData("2023/04/14 16:10:17 [error] 7#7: connect() failed (111: Connection refused) while connecting to upstream, health check \"hc\" of peer 10.0.0.5:8080 in upstream \"app\", port 8080", "upstream_down")]
    [InlineData("...connect() failed (111: Connection refused) while connecting to upstream (status 0), health check \"\" of peer 10.0.0.5:80 in upstream \"app\"...", "upstream_down")]
    [InlineData("2023/04/14 16:10:17 [warn] 7#7: peer is unhealthy while checking status code, health check \"\" of peer 10.0.0.5:80 in upstream \"app\"", "not_an_upstream_error")]
    public void ActiveHealthCheckRecords_KeepTheirCause_WithoutStatus(string line, string cause)
    {
        var record = DiagnosisEngine.Analyze(line).Records[0];
        Assert.Equal(cause, record.Cause);
        Assert.Null(record.Status);
    }

    [Fact]
    public void ProseSayingHealthCheck_AfterARequestsRecord_KeepsTheRequestsStatus()
    {
        // Only the Plus suffix (with "of peer") marks a probe: a request's own record keeps its 504.
        var line = "2023/04/14 16:10:17 [error] 7#7: *5 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.1, server: a.example, request: \"GET /health check HTTP/1.1\", upstream: \"http://10.0.0.5:80/\", host: \"a.example\"";
        var record = DiagnosisEngine.Analyze(line).Records[0];
        Assert.Equal("upstream_timeout_read", record.Cause);
        Assert.Equal(504, record.Status);
    }

    [Theory]
    // The mail proxy's action while it reads the backend's reply (ngx_mail_proxy_read_response): an SMTP/IMAP/POP3
    // session, no HTTP status, whether the record is whole (its upstream unquoted) or its message quoted alone.
    [InlineData("upstream sent invalid response: \"550 5.7.0 Error: insufficient authorization\" while reading response from upstream", "invalid_header")]
    [InlineData("2024/01/01 10:00:00 [error] 22#22: *5 upstream sent invalid response: \"530 5.7.0 Must issue a STARTTLS command first\" while reading response from upstream, client: 1.2.3.4, server: 0.0.0.0:587, login: \"a@b.c\", upstream: 10.0.0.5:25", "invalid_header")]
    [InlineData("2024/01/01 10:00:00 [error] 22#22: *5 upstream timed out (110: Connection timed out) while reading response from upstream, client: 1.2.3.4, server: 0.0.0.0:993, login: \"a@b.c\", upstream: 10.0.0.5:143", "upstream_timeout_read")]
    public void MailProxyRecords_KeepTheirCause_WithoutStatus(string line, string cause)
    {
        var record = DiagnosisEngine.Analyze(line).Records[0];
        Assert.Equal(cause, record.Cause);
        Assert.Null(record.Status);
    }

    [Fact]
    public void MailProxyConnectFailure_ReadsTheUnquotedUpstream_WithoutStatus()
    {
        // ngx_mail_proxy_init sets HTTP's action "connecting to upstream"; the login key and the unquoted upstream
        // (ngx_mail_log_error) mark the session, and a STARTTLS session's client carries " using starttls".
        var line = "2024/01/01 10:00:00 [error] 22#22: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 1.2.3.4 using starttls, server: 0.0.0.0:587, login: \"a\"b@c.d\", upstream: 10.0.0.5:25";

        var diagnosis = DiagnosisEngine.Analyze(line);

        var record = diagnosis.Records[0];
        Assert.Equal(("upstream_down", (int?)null, RecordKind.NginxMail), (record.Cause, record.Status, record.Kind));
        Assert.Equal(("1.2.3.4", "10.0.0.5:25", "10.0.0.5:25"), (record.Client, record.Upstream, record.UpstreamTarget));
        var finding = Assert.Single(diagnosis.Findings);
        Assert.Equal(("10.0.0.5:25", "mail"), (finding.Target, finding.Scheme));
        Assert.Contains("nc -vz -w 3 10.0.0.5 25", finding.Remediation);
    }

    [Fact]
    public void MailLoggedInLine_UpstreamEndsBeforeTheAddressPairs()
    {
        var line = "2024/01/01 10:00:00 [info] 22#22: *5 client logged in, client: 1.2.3.4, server: 0.0.0.0:143, login: \"bob\", upstream: 10.0.0.5:143, [1.2.3.4:50000-10.0.0.1:143] <=> [10.0.0.1:40000-10.0.0.5:143]";

        var record = DiagnosisEngine.Analyze(line).Records[0];

        Assert.Equal(("10.0.0.5:143", RecordKind.NginxMail), (record.Upstream, record.Kind));
        Assert.Null(record.Status);
    }

    [Fact]
    public void HttpHeaderReadTimeout_NextToTheMailAction_KeepsItsStatus()
    {
        // Only the mail proxy's exact action drops the status: HTTP's "reading response header from upstream" keeps 504.
        var line = "2024/01/01 10:00:00 [error] 22#22: *5 upstream timed out (110: Connection timed out) while reading response header from upstream" + Sfx;
        var record = DiagnosisEngine.Analyze(line).Records[0];
        Assert.Equal("upstream_timeout_read", record.Cause);
        Assert.Equal(504, record.Status);
    }

    [Theory]
    // C5's 500 is the upstream connect's; a module's own connection taken while the response goes out says nothing of it.
    [InlineData("2012/11/08 17:25:04 [alert] 32590#0: *2165 2048 worker_connections are not enough while sending response to client, client: 127.0.0.1, server: localhost, request: \"GET / HTTP/1.0\", host: \"127.0.0.1:8000\"", null)]
    [InlineData("2012/11/08 17:25:04 [alert] 32590#0: *2165 2048 worker_connections are not enough while connecting to upstream, client: 127.0.0.1, server: localhost, request: \"GET / HTTP/1.0\", upstream: \"http://127.0.0.1:9000/\", host: \"127.0.0.1:8000\"", 500)]
    public void WorkerConnectionsAlert_GetsItsStatusOnlyFromTheUpstreamConnect(string line, int? status)
    {
        var r = DiagnosisEngine.Analyze(line).Records[0];
        Assert.Equal("fd_exhaustion", r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    // The LDAP auth module (nginx-auth-ldap): a failed search, group comparison or user bind sends the request to the
    // next ldap_server and, after the last, to the realm's 401; its timeout returns NGX_ERROR (no response), and its
    // worker-level errors (initial bind, ldap_result) have no request.
    [InlineData("2017/01/28 22:45:34 [error] 7#7: *7 http_auth_ldap: Could not find user DN, client: 10.1.2.3, server: localhost, request: \"GET / HTTP/1.1\", host: \"a.example\"", 401)]
    [InlineData("2021/06/16 10:00:00 [error] 6#6: *5 http_auth_ldap: ldap_search_ext() request failed (32: No such object)", 401)]
    [InlineData("2021/06/16 10:00:00 [error] 6#6: *5 http_auth_ldap: User bind failed (49: Invalid credentials)" + NoUpstreamSfx, 401)]
    [InlineData("2021/06/16 10:00:00 [error] 6#6: *5 http_auth_ldap: ldap_compare_ext() request failed (50: Insufficient access)" + NoUpstreamSfx, 401)]
    [InlineData("2014/09/01 12:44:34 [error] 5284#0: *9 http_auth_ldap: Authentication timed out" + NoUpstreamSfx, null)]
    [InlineData("2020/01/14 16:44:19 [error] 7600#0: http_auth_ldap: Initial bind failed (49: Invalid credentials)", null)]
    [InlineData("2016/05/25 10:15:35 [error] 1558#0: http_auth_ldap: ldap_result() failed (-1: Can't contact LDAP server)", null)]
    public void LdapAuthModuleStepFailed_ForARequest_IsTheRealms401(string line, int? status)
    {
        var record = DiagnosisEngine.Analyze(line).Records[0];
        Assert.Equal("not_an_upstream_error", record.Cause);
        Assert.Equal(status, record.Status);
    }
}
