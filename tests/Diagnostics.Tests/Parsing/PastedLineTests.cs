using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Tests.Parsing;

/// <summary>
/// Lines as people paste them (markdown, quotes, unknown prefixes, cut ends), built here from nginx's templates rather
/// than taken from the public corpus, so the tolerance is shown to be general and not fitted to that corpus.
/// </summary>
public class PastedLineTests
{
    private const string Sfx = ", client: 10.0.0.1, server: shop.test, request: \"GET /cart HTTP/1.1\", upstream: \"http://10.0.0.9:8080/cart\", host: \"shop.test\"";

    [Theory]
    [InlineData("`2026/11/21 13:41:14 [error] 6087#6087: *1 connect() failed (111: Connection refused) while connecting to upstream" + Sfx + "`", "upstream_down", 502)]
    [InlineData("> **upstream timed out (110: Connection timed out) while reading response header from upstream**", "upstream_timeout_read", 504)]
    [InlineData("'2026/11/21 13:41:14 [error] 9#9: *4 upstream sent invalid header: \"X\\x01...\" while reading response header from upstream" + Sfx + "'", "invalid_header", 502)]
    [InlineData("web-7d4f pod-nginx 2026-11-21T13:41:14.000000000Z 2026/11/21 13:41:14 [error] 7#7: *3 no live upstreams while connecting to upstream" + Sfx, "no_live_upstreams", 502)]
    [InlineData("error log says: 2026/11/21 13:41:14 [error] 7#7: *3 recv() failed (104: Connection reset by peer) while reading response header from upstream" + Sfx, "connection_reset", 502)]
    [InlineData("crit] 12#12: *4 connect() to unix:/run/app.sock failed (13: Permission denied) while connecting to upstream" + Sfx, "unix_socket_permission", 502)]
    [InlineData("12#12: *9 upstream sent too big header while reading response header from upstream", "header_too_big", 502)]
    [InlineData("    *9 upstream prematurely closed connection while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData("2026/11/21 13:41:14 [crit] 5#5: *2 connect() to unix:/run/php/x.sock failed (2: No such fi", "unix_socket_missing", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 connect() failed (113: No rou", "no_route", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 upstream prematurely closed connection while reading response header from upstream,", "premature_close", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking,", "not_an_upstream_error", null)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 api.internal could not be resolved (3: Host not found)", "dns_resolution", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: api.internal could not be resolved (110: Operation timed out)", "dns_resolution", null)]
    [InlineData("*7 open() \"/srv/www/robots.txt\" failed (2: No such file or directory)", "not_an_upstream_error", 404)]
    [InlineData("**Note**: nginx keeps answering 502 since the deploy", "not_an_upstream_error", null)]
    [InlineData("- 2026/11/21 13:41:14 [error] 7#7: *3 upstream sent too big header while reading response header from upstream" + Sfx, "header_too_big", 502)]
    [InlineData("* upstream timed out (110: Connection timed out) while sending request to upstream" + Sfx, "upstream_timeout_send", 504)]
    [InlineData("- client closed prematurely connection while reading client request line, client: 10.0.0.1, server: shop.test", "client_abort", 400)]
    // Issue titles in title case, lowered back to nginx's spelling (SSL and FastCGI keep their capitals)
    [InlineData("Upstream Timed Out (110: Connection Timed Out) While Sending Request To Upstream", "upstream_timeout_send", 504)]
    [InlineData("Peer Closed Connection In SSL Handshake While SSL Handshaking To Upstream", "upstream_tls", 502)]
    [InlineData("FastCGI Sent In Stderr: \"Primary script unknown\" While Reading Response Header From Upstream", "fastcgi_script_not_found", 404)]
    [InlineData("Why Does Nginx Return 502 While Deploying", "not_an_upstream_error", null)]
    // A blog's wrap inside the SSL reason group, then before the action and each field
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 SSL_do_handshake() failed\n(SSL: error:0A000410:SSL routines::sslv3 alert\nhandshake failure:SSL alert number 40)\nwhile SSL handshaking to upstream,\nclient: 10.0.0.1, server: shop.test", "upstream_tls", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 connect() failed (111: Connection\nrefused) while connecting to upstream, client: 10.0.0.1, server: shop.test", "upstream_down", 502)]
    // ... but a record the reporter cut inside its errno text does not swallow the fence or sentence after it
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 connect() failed (111: Connection ref$\n```", "upstream_down", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 connect() failed (111: Connection ref$\nthen I restarted it (no luck", "upstream_down", 502)]
    // Wraps right after the connection number or after "while", and a record whose time was left out
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 \nupstream sent too big header while reading response header from upstream" + Sfx, "header_too_big", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 upstream timed out (110: Connection timed out) while\n   connecting to upstream" + Sfx, "upstream_timeout_connect", 504)]
    [InlineData("[error] 5#5: *2 SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version\nnumber) while SSL handshaking to upstream" + Sfx, "upstream_tls", 502)]
    [InlineData("the proxy log keeps showing peer closed connection in SSL handshake while SSL\nhandshaking to upstream after the certificate change", "upstream_tls", 502)]
    // An action cut after its first words keeps its phase
    [InlineData("| `upstream timed out (110: Connection timed out) while connecting` | the target stopped answering |", "upstream_timeout_connect", 504)]
    [InlineData("upstream timed out (110: Connection timed out) while sending request", "upstream_timeout_send", 504)]
    // Retyped errno groups: glued to "failed", no space after the colon, alone in a quote or table cell
    [InlineData("2026/11/21 13:41:14 [crit] 5#5: *2 connect() to unix:/run/app.sock failed(2: No such file or directory) while connecting to upstream" + Sfx, "unix_socket_missing", 502)]
    [InlineData("**connect() failed (113:No route to host) while connecting to upstream**", "no_route", 502)]
    [InlineData("<tr><td>\u201C(101: Network is unreachable) while connecting to upstream\u201D</td><td>IPv6 route missing</td></tr>", "network_unreachable", 502)]
    [InlineData("\"(104: Connection reset by peer) while reading upstream\"\tthe body was cut", "response_truncated", null)]
    // A2 found in prose by its errno group, with or without the name; a Lua cosocket's error string is the script's
    [InlineData("Since the redeploy the log says `api.internal could not be resolved (2: Server failure)`. Nothing else changed.", "dns_resolution", 502)]
    [InlineData("nginx: api.internal could not be resolved (3: Host not found)", "dns_resolution", 502)]
    [InlineData("- error log: `could not be resolved (110: Operation timed out)` for every request", "dns_resolution", 502)]
    [InlineData("failed to connect: api.internal could not be resolved (3: Host not found)", "not_an_upstream_error", null)]
    [InlineData("failed to connect: no resolver defined to resolve \"api.internal\"", "not_an_upstream_error", null)]
    [InlineData("Without a resolver you get <code>no resolver defined to resolve api.internal</code> on each request.", "no_resolver", 502)]
    // Forum markup, table cells, comment marks, an elided pid, prose after a quoted action
    [InlineData("[QUOTE][B]upstream prematurely closed connection while reading response header from upstream[/B][/QUOTE]", "premature_close", 502)]
    [InlineData("| 2 | no live upstreams | every member failed its health check |", "no_live_upstreams", 502)]
    [InlineData("// upstream sent too big header while reading response header from upstream", "header_too_big", 502)]
    [InlineData("//upstream timed out (110: Connection timed out) while reading response header from upstream", "upstream_timeout_read", 504)]
    [InlineData("2026/11/21 13:41:14 [error] ... upstream prematurely closed connection while reading response header from upstream, ...", "premature_close", 502)]
    [InlineData("`upstream prematurely closed connection while reading upstream`, while the download was running", "response_truncated", null)]
    [InlineData("<td>\u201Cclient intended to send too large body\u201D</td>", "not_an_upstream_error", 413)]
    // ModSecurity's intervention names the status it answers
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 [client 10.0.0.1] ModSecurity: Access denied with code 406 (phase 1). [id \"920280\"]" + Sfx, "not_an_upstream_error", 406)]
    [InlineData("2025/12/06 15:35:22 [error] 42#42: *156 ModSecurity: Access denied with code 403 (phase 2). [id \"942100\"]" + Sfx, "not_an_upstream_error", 403)]
    [InlineData("2025/12/06 15:35:22 [error] 42#42: *156 upstream said: ModSecurity: Access denied with code 403 (phase 2)" + Sfx, "not_an_upstream_error", null)]
    // ModSecurity v2's standalone module logs "pid#tid: [client IP]" with no connection number: still a request's denial;
    // its warnings only log; the denial quoted from its message on still names its code
    [InlineData("2026/11/21 13:41:14 [error] 392#412: [client 10.0.0.1] ModSecurity: Access denied with code 403 (phase 1). Pattern match \"x\" at REQUEST_HEADERS:Host. [id \"1\"] [uri \"/\"]", "not_an_upstream_error", 403)]
    [InlineData("Large uploads fail and the log says ModSecurity: Access denied with code 400 (phase 2).", "not_an_upstream_error", 400)]
    [InlineData("Large uploads fail and the log says XModSecurity: Access denied with code 400 (phase 2).", "not_an_upstream_error", null)]
    [InlineData("ModSecurity: Access denied with code 406 (phase 2). Matched \"Operator `Ge' with parameter `5'", "not_an_upstream_error", 406)]
    [InlineData("2026/11/21 13:41:14 [error] 392#414: [client 10.0.0.1] ModSecurity: Warning. Operator EQ matched 0 at REQUEST_HEADERS. [id \"920320\"] [uri \"/\"]", "not_an_upstream_error", null)]
    // A quote that elides the suffix up to its subrequest or upstream field: an auth subrequest's record (its issuer
    // decides the status), an upstream's handshake; other text after the ellipsis changes nothing
    [InlineData("upstream sent too big header ... subrequest: \"/oauth2/auth\"", "header_too_big", null)]
    [InlineData("`connect() failed (111: Connection refused) ... subrequest: \"/auth\"`", "upstream_down", null)]
    [InlineData("peer closed connection in SSL handshake ... upstream: \"https://10.0.0.9:443/auth\"", "upstream_tls", 502)]
    [InlineData("connect() failed (111: Connection refused) ... on every request", "upstream_down", 502)]
    // The ellipsis typed with more dots and the suffix's own comma before the subrequest field
    [InlineData("`[error] client intended to send too large body: 1787549 bytes, ...., subrequest: \"/_validate_apikey_njs\"`", "not_an_upstream_error", null)]
    [InlineData("[error] client intended to send too large body: 1787549 bytes, ...., host: \"a.example\"", "not_an_upstream_error", 413)]
    // nchan's publisher refusal names the status it answers; its other shared-memory messages have no request status
    [InlineData("2024/10/11 21:02:00 [error] 7620#7620: *1729956 nchan: error publishing message (HTTP status code 507), client: unix:, server: , request: \"POST /pub/cpuload?buffer_length=1 HTTP/1.1\", host: \"localhost\"", "not_an_upstream_error", 507)]
    [InlineData("2024/10/11 21:02:00 [error] 7620#7620: *1729956 nchan: error publishing message (HTTP status code 20x)" + Sfx, "not_an_upstream_error", null)]
    [InlineData("2024/10/11 21:02:01 [error] 7620#7620: nchan: Out of shared memory while allocating channel /disks. Increase nchan_max_reserved_memory.", "not_an_upstream_error", null)]
    // A paste that put a space before a call's parentheses ("recv () failed"): the call nginx wrote is read; a name
    // followed by " () " that names no nginx call stays unplaced
    [InlineData("[error] 440#440: *1 recv () failed (104: Connection reset by peer) while reading response header from upstream, client: 172.69.58.130, server: , request: \"GET /api/v3/queue HTTP/2.0\", upstream: \"http://192.168.1.50:8989/api/v3/queue\", host: \"a.example\"", "connection_reset", 502)]
    [InlineData("2019/02/07 06:26:30 [crit] 1706#1706: *795218 connect () to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 10.0.0.1, server: , request: \"GET / HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"a.example\"", "unix_socket_missing", 502)]
    [InlineData("2019/02/07 06:26:30 [error] 1706#1706: *795218 helper () returned nothing, client: 10.0.0.1, server: , request: \"GET / HTTP/1.1\", host: \"a.example\"", "not_an_upstream_error", null)]
    // nginx-http-flv-module's handler refuses a player's request before the RTMP session exists (500, 405); its records
    // of a session already playing, on the RTMP listener's address, give no status
    [InlineData("2019/01/31 18:01:55 [error] 12946#0: *972 flv live: failed to find configured port: '1935', client: 10.0.0.5, server: live.example, request: \"GET /live?port=1935&app=live&stream=a HTTP/1.1\", host: \"live.example\"", "not_an_upstream_error", 500)]
    [InlineData("2019/01/31 18:01:55 [error] 12946#0: *973 flv live: app args MUST be specified, client: 10.0.0.5, server: live.example, request: \"GET /live?port=1935 HTTP/1.1\", host: \"live.example\"", "not_an_upstream_error", 500)]
    [InlineData("2019/01/31 18:01:55 [error] 12946#0: *974 flv live: HTTP method was not \"GET\", client: 10.0.0.5, server: live.example, request: \"POST /live?app=live&stream=a HTTP/1.1\", host: \"live.example\"", "not_an_upstream_error", 405)]
    [InlineData("2020/04/02 22:41:13 [error] 4340#0: *2084 flv live: client timed out (110: Connection timed out), client: 10.0.0.5, server: 0.0.0.0:1935", "not_an_upstream_error", null)]
    // nginx-vod-module's error map: the MP4 parser's VOD_BAD_DATA is 404; no stream for a manifest is
    // 400 and for a segment 404; an allocation failure is another code
    [InlineData("2020/10/31 15:00:08 [error] 12749#0: *60 mp4_parser_validate_stsc_atom: zero entries, client: 10.0.0.5, server: vod, request: \"GET /hls/a.mp4/seg-1-v1.ts HTTP/1.1\", host: \"vod.example\"", "not_an_upstream_error", 404)]
    [InlineData("[error] 8887#8887: *373 ngx_http_vod_validate_streams: no matching streams were found while reading media header, client: 10.0.0.5, server: vod, request: \"GET /a.mp4/index.m3u8 HTTP/1.1\", host: \"vod.example\"", "not_an_upstream_error", 400)]
    [InlineData("[error] 8887#8887: *374 ngx_http_vod_validate_streams: no matching streams were found, probably invalid segment index, client: 10.0.0.5, server: vod, request: \"GET /a.mp4/seg-3600-v1.ts HTTP/1.1\", host: \"vod.example\"", "not_an_upstream_error", 404)]
    [InlineData("[error] 8887#8887: *375 mp4_parser_parse_trak_atom: vod_alloc failed, client: 10.0.0.5, server: vod, request: \"GET /a.mp4/index.m3u8 HTTP/1.1\", host: \"vod.example\"", "not_an_upstream_error", null)]
    // A page's text extraction glued the writer's next word to the quoted action ("... from upstreamor ..."): no nginx
    // action goes on after "upstream" with a letter, so the action still ends there (the unglued quote beside it).
    [InlineData("client prematurely closed connection while reading response header from upstreamor", "client_abort", 499)]
    [InlineData("upstream timed out (110: Connection timed out) while connecting to upstreamand then", "upstream_timeout_connect", 504)]
    [InlineData("client prematurely closed connection while reading response header from upstream", "client_abort", 499)]
    // A markdown heading's marks before the message; a heading of prose stays prose.
    [InlineData("## epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too while sending request to upstream", "client_abort", 499)]
    [InlineData("### upstream timed out (110: Connection timed out) while reading response header from upstream", "upstream_timeout_read", 504)]
    [InlineData("## Notes on the upstream design", "not_an_upstream_error", null)]
    // A structured field's key glued to the message it holds; a scheme's colon opens no message.
    [InlineData("error_message:upstream prematurely closed connection while reading response header from upstream", "premature_close", 502)]
    [InlineData("msg:connect() failed (111: Connection refused) while connecting to upstream", "upstream_down", 502)]
    public void PastedNginxLine_ClassifiedByItsMessage(string line, string cause, int? status)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    // A redacted "server:" that lost its space still ends the client and leaves the action in place.
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.0.0.1, server:xxx, request: \"GET / HTTP/1.1\", upstream: \"http://10.0.0.9:8080/\", host: \"xxx\"", "upstream_timeout_connect", 504)]
    // A redacted client address joined to its key (round 111: a cloud drive's gRPC-web push timing out in the body phase,
    // cut open after "upstream:"), or with the server field dropped.
    [InlineData("error] 3229617#3229617: *23605 upstream timed out (110: Connection timed out) while reading upstream, client:xxx.xxx.xxx.xxx, server: *.xxx.com, request: \"POST /a HTTP/1.1\", upstream:", "response_truncated", null)]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 upstream timed out (110: Connection timed out) while connecting to upstream, client:10.0.0.1, server: x, request: \"GET / HTTP/1.1\"", "upstream_timeout_connect", 504)]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 upstream prematurely closed connection while reading upstream, client:10.0.0.1, request: \"GET / HTTP/1.1\"", "response_truncated", null)]
    // A writer's sample with the pid but without nginx's "#tid:".
    [InlineData("2026/11/21 13:41:14 [error] 4121 *7 recv() failed (104: Connection reset by peer) while reading response header from upstream" + Sfx, "connection_reset", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 4121 *7 upstream prematurely closed connection while reading upstream" + Sfx, "response_truncated", null)]
    // A bullet an HTML page's list left in front of the message.
    [InlineData("  \u2022 no live upstreams", "no_live_upstreams", 502)]
    [InlineData("\u2022 upstream sent too big header while reading response header from upstream", "header_too_big", 502)]
    // The writer's sentence going on after the action's comma is not nginx's suffix.
    [InlineData("the log said recv() failed (104: Connection reset by peer) while reading response header from upstream, so we raised keepalive_timeout", "connection_reset", 502)]
    [InlineData("we kept seeing upstream timed out (110: Connection timed out) while connecting to upstream, then the pod restarted", "upstream_timeout_connect", 504)]
    // An issue title that is the message, capitalised, with nginx's errno group but no action.
    [InlineData("Connect() failed (113: No route to host)", "no_route", 502)]
    [InlineData("Connect() to a friend again (part 2)", "not_an_upstream_error", null)]
    // Only the errno group and an upstream action quoted: the errno and the phase decide.
    [InlineData("\"(113: No route to host) while reading response header from upstream\"", "no_route", 502)]
    [InlineData("(110: Connection timed out) while sending request to upstream", "upstream_timeout_send", 504)]
    [InlineData("| (32: Broken pipe) while sending request to upstream | the backend closed early |", "broken_pipe", 502)]
    // Markdown italics with underscores around a message in a sentence; an underscore inside a word opens nothing.
    [InlineData("The errors are as follows: _upstream prematurely closed connection while reading upstream_", "response_truncated", null)]
    [InlineData("we set proxy_upstream sent counters to zero", "not_an_upstream_error", null)]
    // Markdown italics with one asterisk, glued to the message; the writer's ellipsis for the errno group inside it.
    [InlineData("   > (5.003 s on this box), with *upstream timed out \u2026 while reading response header* in the", "upstream_timeout_read", 504)]
    [InlineData("the log says *upstream prematurely closed connection while reading response header from upstream*.", "premature_close", 502)]
    [InlineData("we counted *upstream sockets* per worker", "not_an_upstream_error", null)]
    // Markdown bold around the errno group inside a whole record.
    [InlineData("2026/11/21 13:41:14 [crit] 5#5: *2 connect() to unix:/run/app.sock failed **(13: Permission denied)** while connecting to upstream" + Sfx, "unix_socket_permission", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 connect() failed **(113: No route to host)** while connecting to upstream" + Sfx, "no_route", 502)]
    // An errno group retyped without its parentheses before an upstream action, alone or after the system call.
    [InlineData("our alert said: \"113: No route to host while connecting to upstream\"", "no_route", 502)]
    [InlineData("(ex: connect() failed 111: Connection refused while connecting to upstream, client: IP, ..., request: \"GET /\")", "upstream_down", 502)]
    [InlineData("Title: 104: Connection reset by peer while reading response header from upstream", "connection_reset", 502)]
    [InlineData("see RFC 2: Connection refused while we wait", "not_an_upstream_error", null)]
    // An errno group retyped without its colon, in lower case; a parenthesised count is no errno group.
    [InlineData("The error is nginx connect() failed (113 no route to host) while connecting to upstream client x server: y", "no_route", 502)]
    // A title's lead-in before a capitalised message with its action paraphrased; a capitalised word after one is prose.
    [InlineData("502 Bad Gateway - Upstream sent too big header when reading response header from upstream", "header_too_big", 502)]
    [InlineData("Status - Upstream servers are slow today", "not_an_upstream_error", null)]
    // A quoted message that starts just inside the widest prose lead and ends past it is still found.
    [InlineData("We moved the service behind a second proxy and since then the gateway logs a steady trickle of failures during every rollout of the backend, mostly on the upload endpoints and mostly in the first minute after the new pods come up, which made us suspect readiness probes, then keepalive reuse, then the load balancer in front of it all, until we finally read the error log, leading to errors like \"peer closed connection in SSL handshake while SSL handshaking to upstream\" and a 502.", "upstream_tls", 502)]
    // gRPC's RST_STREAM message (K3) behind a heading's number and a tag, found because an upstream action follows it.
    [InlineData("##### 3. [nginx] upstream rejected request with error 7 while reading response header from upstream", "invalid_header", 502)]
    [InlineData("the dashboard counts each upstream rejected request with error codes per route", "not_an_upstream_error", null)]
    // auth_request's verdict on its subrequest is a request's (500), also quoted alone or in markdown bold in prose.
    [InlineData("auth request unexpected status: 502 while sending to client,", "not_an_upstream_error", 500)]
    [InlineData("The nginx error log shows: **auth request unexpected status: 401 while sending to client,**", "not_an_upstream_error", 500)]
    // A code template's placeholder for the connection number ("*{connection}", "*${cid}", "*%d"): the message follows it.
    [InlineData("        f\"2026/10/03 10:02:00 [error] 31#0: *{connection} upstream timed out (110: Connection timed out) while reading response header from upstream\"", "upstream_timeout_read", 504)]
    [InlineData("const line = `2026/10/01 10:00:00 [error] 7#7: *${cid} upstream prematurely closed connection while reading response header from upstream, client: 10.0.0.1, server: shop.test`;", "premature_close", 502)]
    [InlineData("printf '2026/10/01 10:00:00 [error] 7#7: *%d connect() failed (111: Connection refused) while connecting to upstream\\n' \"$n\"", "upstream_down", 502)]
    // A JavaScript template expression after the number or in place of it ("*4821${s % 10}", "*${i + 1}"): the message follows it.
    [InlineData("              `2026/10/08 09:38:${s} [error] 812#812: *4821${s % 10} connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.4, server: api.test`,", "upstream_down", 502)]
    [InlineData("`2026/10/08 09:38:00 [error] 812#812: *${i + 1} upstream timed out (110: Connection timed out) while reading response header from upstream`", "upstream_timeout_read", 504)]
    // Placeholders for the pid and tid as well ("{xyz}#{xyz}: *{zyx}"): a request-only message keeps its status.
    [InlineData("{date} {time} [error] {xyz}#{xyz}: *{zyx} access forbidden by rule, client: {source_ip}, server: {host}, request: \"{req} HTTP/1.1\"", "not_an_upstream_error", 403)]
    [InlineData("\"%s [error] %d#%d: *%d client intended to send too large body: %d bytes, client: %s\"", "not_an_upstream_error", 413)]
    // The writer's elision right after the client ends the suffix: the message before it is read whole.
    [InlineData("2026/10/05 18:04:21 [error] 41#41: *11 user \"admin\": password mismatch, client: 192.168.1.50, ...", "not_an_upstream_error", 401)]
    [InlineData("2026/10/05 18:04:21 [error] 41#41: *11 upstream sent too big header, client: 192.168.1.50, \u2026", "header_too_big", 502)]
    // The writer's elision in brackets right after the action ("[...]"): the action is still read, and with it the phase.
    [InlineData("2026/10/05 18:04:21 [error] 13#13: *1 recv() failed (104: Connection reset by peer) while proxying upgraded connection [...]", "response_truncated", null)]
    [InlineData("2026/10/05 18:04:21 [error] 13#13: *1 connect() failed (111: Connection refused) while connecting to upstream [..]", "upstream_down", 502)]
    [InlineData("2026/10/05 18:04:21 [error] 13#13: *1 recv() failed (104: Connection reset by peer) while reading upstream [\u2026]", "response_truncated", null)]
    // The client field dropped by the writer, a later field of the suffix kept: the action still ends there.
    [InlineData("    `upstream timed out (110: Operation timed out) while connecting to upstream, upstream: \"http://172.17.0.1:5000/\"`", "upstream_timeout_connect", 504)]
    [InlineData("upstream prematurely closed connection while reading response header from upstream, request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:3000/\"", "premature_close", 502)]
    [InlineData("recv() failed (104: Connection reset by peer) while reading upstream, server: example.com, request: \"GET / HTTP/1.1\"", "response_truncated", null)]
    // A record quoted whole in a string literal and cut after its client: the closing quote ends the client field.
    [InlineData("    \"2026/11/21 13:41:14 [error] 5#5: *2 upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.0.0.1\",", "upstream_timeout_connect", 504)]
    // An errno's text with its number and parentheses elided, before an upstream action, also wrapped inside the action.
    [InlineData("kevent() ... Connection reset by peer while reading response header from upstream, upstream: \"http://127.0.0.1:8001/index.php\"", "connection_reset", 502)]
    [InlineData("The log said: \"Connection refused while connecting to upstream\"", "upstream_down", 502)]
    [InlineData("kevent() ... Connection reset by peer while reading response header\nfrom upstream, upstream: \"http://127.0.0.1:8001/index.php\"", "connection_reset", 502)]
    [InlineData("Connection refused while we were asleep", "not_an_upstream_error", null)]
    // A pager wrapped the errno group inside its text and marked each row's end with a backslash: BSD's 61 is known by its
    // text alone, so the text is read without the marks; a wrap at the blank between the words too.
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 kevent() reported that connect() failed (61: Connection r\\\nefused) while connecting to upstream, \\\nclient: 10.0.0.1, server: shop.test", "upstream_down", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 kevent() reported that connect() failed (61: Connection\\\nrefused) while connecting to upstream, \\\nclient: 10.0.0.1, server: shop.test", "upstream_down", 502)]
    // The same pager's wrap right after the action's comma: the suffix starts at the client key after the mark, so the
    // action (the only thing telling a reset before the header from one after it) is read.
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 recv() failed (104: Connection reset by peer) while reading response header from upstream, \\\nclient: 10.0.0.1, server: shop.test", "connection_reset", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 recv() failed (104: Connection reset by peer) while reading upstream, \\\nclient: 10.0.0.1, server: shop.test", "response_truncated", null)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 recv() failed (54: Connection reset by p\\\neer) while reading response header from upstream, \\\nclient: 10.0.0.1, server: shop.test", "connection_reset", 502)]
    // "timed out" retyped as "time out" or "timeout": nginx's errno group after it marks the text as nginx's.
    [InlineData("The error is \"upstream time out (110: Connection timed out) while reading response header from upstream\".", "upstream_timeout_read", 504)]
    [InlineData("upstream timeout (110: Connection timed out) while connecting to upstream", "upstream_timeout_connect", 504)]
    [InlineData("upstream timeout while reading the docs", "not_an_upstream_error", null)]
    // The errno group retyped without the blank after its colon and in lower case; only a known errno text counts.
    [InlineData("*7 connect() failed (111:connection refused) while connecting to upstream (http://127.0.0.1:9000/app)", "upstream_down", 502)]
    [InlineData("connect() to unix:/run/app.sock failed (13:permission denied) while connecting to upstream", "unix_socket_permission", 502)]
    // A record quoted from its connection number on, wrapped before its errno group and each field: joined as a whole
    // record's wrap is (the lone first line has no errno and reads as no record).
    [InlineData("     *7 connect() to unix:/tmp/app.sock failed \n     (11: Resource temporarily unavailable) while connecting to upstream, \n     client: 10.0.0.1, server: shop.test", "listen_backlog_full", 502)]
    [InlineData("*7 connect() failed\n(111: Connection refused) while connecting to upstream,\nclient: 10.0.0.1, server: shop.test", "upstream_down", 502)]
    // Wrapped inside connect()'s socket path, no blank to break at (an issue tracker's export at 72 columns): the next line
    // ends the path and goes on with "failed (N:"; a line that does not is left apart.
    [InlineData("2009/06/23 06:49:32 [crit] 2312#0: *58818 connect() to unix:/tmp/\npassenger.2291/master/helper_server.sock failed (2: No such file or\ndirectory) while connecting to upstream, client: 10.0.0.1,\nserver: _, request: \"GET / HTTP/1.1\"", "unix_socket_missing", 502)]
    [InlineData("2026/11/21 13:41:14 [crit] 5#5: *2 connect() to unix:/run/php/\nphp-fpm.sock failed (13: Permission denied) while connecting to upstream, client: 10.0.0.1", "unix_socket_permission", 502)]
    [InlineData("2026/11/21 13:41:14 [crit] 5#5: *2 connect() to unix:/run/php/\nthe socket was gone after the upgrade", "not_an_upstream_error", null)]
    // A terminal's wrap padded with blanks between the "*" and the connection number (logread in a narrow window): right
    // after the head's PID#TID: it is still the connection number, so a Lua content handler's error keeps its 500; the
    // same text without the head (a list's bullet) is no request's record.
    [InlineData("Sat Feb  2 18:59:05 2019 daemon.err nginx: 2019/02/02 18:59:04 [error] 2771#0: *                    16 lua entry thread aborted: runtime error: /usr/lib/lua/web/taint.lua:280: bad argument #1 to 'format' (string expected, got nil)", "not_an_upstream_error", 500)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *     2 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.0.0.1", "upstream_timeout_read", 504)]
    [InlineData("*   16 lua entry thread aborted: runtime error: /usr/lib/lua/web/taint.lua:280: bad argument", "not_an_upstream_error", null)]
    public void WriterDamagedRecord_StillReadByItsMessageAndAction(string line, string cause, int? status)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Fact]
    public void ParenthesisedCountWithoutColon_IsNoErrnoGroup()
    {
        var r = Assert.Single(DiagnosisEngine.Analyze("2026/11/21 13:41:14 [error] 5#5: *2 connect() failed (111 retries) while connecting to upstream" + Sfx).Records);
        Assert.Null(r.Errno);
    }

    [Fact]
    public void ServerKeyWithoutItsSpace_KeepsTheFieldsAfterIt()
    {
        var r = Assert.Single(DiagnosisEngine.Analyze("2026/11/21 13:41:14 [error] 7#7: *3 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server:shop.test, request: \"GET / HTTP/1.1\", upstream: \"http://10.0.0.9:8080/\", host: \"shop.test\"").Records);
        Assert.Equal("connecting to upstream", r.Action);
        Assert.Equal("10.0.0.9:8080", r.UpstreamTarget);
    }

    [Fact]
    public void PidWithoutThreadId_KeepsPidAndConnection()
    {
        var r = Assert.Single(DiagnosisEngine.Analyze("2026/11/21 13:41:14 [error] 4121 *7 connect() failed (111: Connection refused) while connecting to upstream" + Sfx).Records);
        Assert.Equal(4121, r.Pid);
        Assert.Equal(7, r.ConnectionId);
        Assert.Equal("upstream_down", r.Cause);
    }

    [Fact]
    public void RecordBehindUnknownPrefix_KeepsNginxTimeAndFields()
    {
        var r = Assert.Single(DiagnosisEngine.Analyze("viewer | 2026/11/21 13:41:14 [error] 7#8: *3 connect() failed (111: Connection refused) while connecting to upstream" + Sfx).Records);
        Assert.Equal(new DateTime(2026, 11, 21, 13, 41, 14), r.Time);
        Assert.Equal("error", r.Level);
        Assert.Equal(7, r.Pid);
        Assert.Equal(3, r.ConnectionId);
        Assert.Equal("10.0.0.9:8080", r.UpstreamTarget);
    }

    [Fact]
    public void CutErrnoGroup_KeepsTheNumber()
    {
        var r = Assert.Single(DiagnosisEngine.Analyze("2026/11/21 13:41:14 [error] 5#5: *2 connect() failed (111: Connection ref$", 2026).Records);
        Assert.Equal(111, r.Errno);
        Assert.Equal("connect() failed", r.Message);
        Assert.True(r.Truncated);
    }

    [Theory]
    // A pager or editor cut the line inside its action and marked the cut with "$": the action's words still decide
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 recv() failed (104: Connection reset by peer) while reading response header from$", "connection_reset", 502, "reading response header from")]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 upstream prematurely closed connection while reading response hea$", "premature_close", 502, "reading response hea")]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 upstream timed out (110: Connection timed out) while connecting to upst$", "upstream_timeout_connect", 504, "connecting to upst")]
    public void ActionCutByAPagersMark_IsReadAsACutAction(string line, string cause, int? status, string action)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal((cause, status), (r.Cause, r.Status));
        Assert.Equal(action, r.Action);
        Assert.True(r.Truncated);
    }

    [Theory]
    [InlineData("`[21-Nov-2026 13:42:01] WARNING: [pool www] child 4242 exited on signal 9 (SIGKILL) after 1.0 seconds from start`", "app_crash", RecordKind.PhpFpm)]
    [InlineData("child 4242 exited on signal 6 (SIGABRT) after 3.5 seconds from start", "app_crash", RecordKind.PhpFpm)]
    [InlineData("2026-11-21 13:44:00 [12] [CRITICAL] WORKER TIMEOUT (pid:15)", "app_worker_timeout", RecordKind.Gunicorn)]
    [InlineData("> 2026-11-21 13:44:01 [12] [INFO] Booting worker with pid: 16", "not_an_upstream_error", RecordKind.Gunicorn)]
    [InlineData("child processes were restarted by the operator", "not_an_upstream_error", RecordKind.Unknown)]
    // Behind a prefix nobody announced: indentation, a label, a comment mark, a string literal's quote, a bracketed tag
    [InlineData("\t[21-Nov-2026 13:42:01] WARNING: [pool www] child 4242 exited on signal 9 (SIGKILL) after 1.0 seconds from start", "app_crash", RecordKind.PhpFpm)]
    [InlineData("Line 7: [CRITICAL] WORKER TIMEOUT (pid:15)", "app_worker_timeout", RecordKind.Gunicorn)]
    [InlineData("#   [2026-11-21 13:44:00 +0000] [12] [CRITICAL] WORKER TIMEOUT (pid:15)", "app_worker_timeout", RecordKind.Gunicorn)]
    [InlineData("    msg = \"kernel: Out of memory: Killed process 4242 (php-fpm8.2)\"", "oom_killed", RecordKind.Kernel)]
    [InlineData("[dmesg] [ 812.104] oom_reaper: reaped process 4242 (gunicorn), now anon-rss:0kB", "oom_killed", RecordKind.Kernel)]
    [InlineData("Line 7: we raised the WORKER TIMEOUT to 60 seconds", "not_an_upstream_error", RecordKind.Unknown)]
    // gunicorn's error logger name before the message, as a logging configuration with %(name)s prints it
    [InlineData("[ERROR] gunicorn.error: WORKER TIMEOUT (pid:23475)", "app_worker_timeout", RecordKind.Gunicorn)]
    [InlineData("[2026-11-21 13:44:00 +0000] [12] [CRITICAL] gunicorn.error: WORKER TIMEOUT (pid:15)", "app_worker_timeout", RecordKind.Gunicorn)]
    [InlineData("[2026-11-21 13:44:01 +0000] [12] [ERROR] gunicorn.error: Worker (pid:15) was sent SIGKILL! Perhaps out of memory?", "app_crash", RecordKind.Gunicorn)]
    [InlineData("[INFO] gunicorn.error: Booting worker with pid: 23514", "not_an_upstream_error", RecordKind.Gunicorn)]
    // ... and with %(lineno)s %(funcName)s after the name (Seahub's logging format); a word other than a method name is not that
    [InlineData("[CRITICAL] gunicorn.error:175 critical WORKER TIMEOUT (pid:3385)", "app_worker_timeout", RecordKind.Gunicorn)]
    [InlineData("[ERROR] gunicorn.error:233 error Worker (pid:3385) was sent SIGKILL! Perhaps out of memory?", "app_crash", RecordKind.Gunicorn)]
    [InlineData("[CRITICAL] gunicorn.error:175 Critical WORKER TIMEOUT (pid:3385)", "not_an_upstream_error", RecordKind.Unknown)]
    public void PastedCompanionLine_IsRecognised(string line, string cause, RecordKind kind)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(kind, r.Kind);
        Assert.Null(r.Status);
    }

    [Theory]
    [InlineData("`")]
    [InlineData("``")]
    [InlineData("> ")]
    [InlineData("**")]
    [InlineData("'**'")]
    [InlineData("   ")]
    [InlineData("*1 ")]
    [InlineData("1#1: ")]
    public void PasteNoiseAlone_NeverThrows(string line)
    {
        var records = DiagnosisEngine.Analyze(line + "\n" + line, 2026).Records;
        Assert.All(records, r => Assert.False(Vocabulary.Causes.IsUpstreamFailure(r.Cause)));
    }

    [Fact]
    public void LiteralsSplitAfterEachField_JoinIntoOneRecord()
    {
        // Adjacent Python literals, one suffix field each after the first: "..., server: x, " / "request: ...".
        const string text = "ERR = ('2026/08/28 03:00:02 [error] 18219#0: *10880760 connect() to '\n       'unix:/var/run/fcgiwrap.socket failed (61: Connection refused) while '\n       'connecting to upstream, client: 167.82.236.27, server: man.example, '\n       'request: \"GET /ls.1 HTTP/1.1\", '\n       'upstream: \"fastcgi://unix:/var/run/fcgiwrap.socket:\", host: \"man.example\"')";
        var r = Assert.Single(DiagnosisEngine.Analyze(text).Records);
        Assert.Equal(5, r.LineCount);
        Assert.Equal("upstream_down", r.Cause);
    }

    [Fact]
    public void IndentedTracebackLines_StayInTheirGunicornRecord()
    {
        const string text = "[2026-11-21 13:44:00 +0000] [12] [ERROR] Exception in worker process\nTraceback (most recent call last):\n  File \"/app/x.py\", line 1, in <module>\n    `raise` SystemExit(1)";
        var r = Assert.Single(DiagnosisEngine.Analyze(text).Records);
        Assert.Equal(4, r.LineCount);
    }

    [Theory]
    // Wrapped before the errno group, before the action, after "PID#TID:" (with a blank line), and inside a word at 80 columns.
    [InlineData("2026/11/21 13:41:14 [crit] 7#7: *3 connect() to 10.0.0.9:8080 failed\n(13: Permission denied) while connecting to upstream, client: 10.0.0.1,\nserver: shop.test, request: \"GET / HTTP/1.1\"", "selinux_denied", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 readv() failed (104: Connection reset by peer)\n   while reading upstream, client: 10.0.0.1, server: shop.test", "response_truncated", null)]
    [InlineData("2026/11/21 13:41:14 [error] 7#7:\n\n*3 upstream sent invalid header: \"X\\x01...\" while reading response header from upstream", "invalid_header", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 23191#0: *18 upstream sent no valid HTTP/1.0 header whi\nle reading response header from upstream, client: 10.0.0.1, server: shop.test", "protocol_mismatch", 9)]
    // Wrapped before "failed": the errno group that decides the static module's status is on the next line.
    [InlineData("[error] 60#60: *37 open() \"/etc/nginx/html/assets/app.css\"\nfailed (2: No such file or directory)", "not_an_upstream_error", 404)]
    [InlineData("2026/11/21 13:41:14 [crit] 7#7: *3 connect() to unix:/run/php/fpm.sock\n  failed (2: No such file or directory) while connecting to upstream", "unix_socket_missing", 502)]
    // Wrapped inside the quoted path, before its closing quote (a mail at 80 columns): the quote opens the next line.
    [InlineData("2023/03/15 15:39:22 [error] 3882#3882: *5 open() \"/usr/share/nginx/html/favicon.ico\n\" failed (2: No such file or directory), client: 192.168.56.1, server: default_serv\ner, request: \"GET /favicon.ico HTTP/1.1\"", "not_an_upstream_error", 404)]
    // An SSL call wrapped before "failed", then one field a line: OpenSSL's reason group opens the next line.
    [InlineData("2022/10/26 22:17:07 [error] 1282#1282: *28104 SSL_do_handshake()\nfailed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number)\nwhile SSL handshaking to upstream,\nclient: 10.0.0.1,\nserver: shop.test", "upstream_tls", 502)]
    // Split over concatenated string literals: Swift's or Java's "+", PHP's ".", each piece opening with its quote.
    [InlineData("        message: \"2026/11/21 13:41:14 [error] 23#23: *5 upstream prematurely closed connection \"\n            + \"while reading upstream, client: 10.0.0.1, server: shop.test\"", "response_truncated", null)]
    [InlineData("$line = '2026/11/21 13:41:14 [error] 9#9: *4 upstream timed out (110: Connection timed out) '\n    . 'while connecting to upstream, client: 10.0.0.1, server: shop.test';", "upstream_timeout_connect", 504)]
    // Implicitly concatenated literals (Python str or bytes) whose second piece opens with the errno group.
    [InlineData("        \"2026/11/21 13:41:14 [error] 12#12: *1 connect() failed \"\n        \"(111: Connection refused) while connecting to upstream\"", "upstream_down", 502)]
    [InlineData("        b\"2026/11/21 13:41:14 [error] 12#12: *9 connect() failed \"\n        b\"(113: No route to host) while connecting to upstream, \"", "no_route", 502)]
    // The blank before the group opening the next literal instead of closing the one above.
    [InlineData("    \"2026/11/21 13:41:14 [error] 12#12: *3 connect() failed\"\n    \" (111: Connection refused) while connecting to upstream,\"", "upstream_down", 502)]
    // Implicitly concatenated Python literals (either quote) split inside the action, before "client:" and before a value.
    [InlineData("    err = (\"2026/03/01 10:00:31 [error] 11#11: *5 upstream timed out (110: Connection timed out) while proxying \"\n           'upgraded connection, client: 1.1.1.1, server: t.com, request: \"GET /ws HTTP/1.1\", upstream: '\n           '\"http://1.2.3.4:80/ws\", host: \"t.com\"\\n'", "response_truncated", null)]
    [InlineData("           \"2026/03/01 10:00:35 [error] 11#11: *9 upstream sent invalid header while reading upstream, \"\n           'client: 1.1.1.1, server: t.com, request: \"GET /ws HTTP/1.1\", host: \"t.com\"\\n')", "response_truncated", null)]
    [InlineData("    \"2026/03/01 10:00:31 [error] 11#11: *5 recv() failed (104: Connection reset by peer) while reading \"\n    \"response header from upstream, client: 1.1.1.1, server: t.com\"", "connection_reset", 502)]
    // Implicitly concatenated literals broken right before the action: the next literal opens it whole.
    [InlineData("    \"2025/11/19 08:12:10 [error] 12345#0: *1 upstream timed out (110: Connection timed out) \"\n    \"while connecting to upstream, client: 192.0.2.1, server: example.com, \"\n    'request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:8080/\", host: \"example.com\"'", "upstream_timeout_connect", 504)]
    [InlineData("    \"2026/03/01 10:00:31 [error] 11#11: *5 upstream prematurely closed connection \"\n    \"while reading upstream, client: 1.1.1.1, server: t.com\"", "response_truncated", null)]
    // Implicitly concatenated literals broken inside connect()'s message, before its peer (a socket path or an address).
    [InlineData("ERR = ('2026/08/28 03:00:02 [error] 18219#0: *10880760 connect() to '\n       'unix:/var/run/fcgiwrap.socket failed (61: Connection refused) while '\n       'connecting to upstream, client: 167.82.236.27, server: man.example'", "upstream_down", 502)]
    [InlineData("    ('2026/08/28 03:00:02 [crit] 7#7: *3 connect() to '\n     'unix:/run/fcgiwrap.socket failed (2: No such file or directory) while connecting to upstream'", "unix_socket_missing", 502)]
    [InlineData("    \"2026/08/28 03:00:02 [crit] 7#7: *3 connect() to \"\n    \"10.0.0.9:9000 failed (13: Permission denied) while connecting to upstream\"", "selinux_denied", 502)]
    // A syslog envelope and nginx's time in one literal, the level and the message in the next.
    [InlineData("    \"2026-06-02T08:00:05+00:00 web1 nginx: 2026/06/02 08:00:04 \"\n    \"[error] 11#0: *7 connect() failed (111: Connection refused) \"\n    \"while connecting to upstream, client: 1.2.3.4, server: s1\"", "upstream_down", 502)]
    // The writer put nginx's time alone on the line above the record (and wrapped the rest).
    [InlineData("2026/06/13 14:01:43\n[error] 27#27: *7 connect() failed (111: Connection refused) \n  while connecting to upstream, client: 172.20.0.1, server: _, \n  request: \"GET /health HTTP/1.1\"", "upstream_down", 502)]
    [InlineData("2026/06/13 14:01:43   \n[error] 27#27: *7 client intended to send too large body: 5653748 bytes, client: 172.20.0.1, server: _, request: \"POST /up HTTP/1.1\"", "not_an_upstream_error", 413)]
    // The errno group opens the next literal (the index module's "is not found", the static module's "failed").
    [InlineData("    ('2026/10/08 10:04:00 [error] 12#12: *9 \"/srv/www/../../etc/passwd\" is not found '\n     '(2: No such file or directory), client: 203.0.113.50, server: web01, '\n     'request: \"GET /../../etc/passwd HTTP/1.1\", host: \"web01\"',", "not_an_upstream_error", 404)]
    [InlineData("    \"2026/10/08 10:04:00 [error] 12#12: *9 open() \\\"/srv/www/x.css\\\" failed \"\n    \"(13: Permission denied), client: 203.0.113.50, server: web01\"", "not_an_upstream_error", 403)]
    // Broken after the level, and then per field, with blank lines between the pieces.
    [InlineData("2026/11/21 13:41:14 [error] \n\n200#200: *121 upstream sent too big header while reading response header from upstream,\n\nclient: 10.0.0.1, \n\nserver: shop.test", "header_too_big", 502)]
    // The level tag alone on the first line (time left out), then the record one field a line, indented.
    [InlineData("[error]\n  200#200: *842 upstream sent too big header while reading response header from upstream,\n  client:[CLIENT_IP],\n  server: shop.test,", "header_too_big", 502)]
    [InlineData("[crit] \n1706#1706: *9 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream", "unix_socket_missing", 502)]
    // One inline code span per line, each piece wrapped where the writer's line ended.
    [InlineData("`2026/09/30 12:40:32 [crit] 10291#0: *33 connect() to `\n`unix:/srv/app/shared/sockets/puma.sock failed`\n`(2: No such file or directory) while `\n`connecting to upstream, client: 192.168.33.1, server: app.local, `\n`request: \"GET / HTTP/1.1\", upstream: `", "unix_socket_missing", 502)]
    // Wrapped inside the action: the stream module's upstream side ("proxying and reading" / "from upstream, udp client").
    [InlineData("serverlb: recv() failed (111: Connection refused) while proxying and reading\n  from upstream, udp client: 172.21.0.1, server: 0.0.0.0:40023,", "response_truncated", null)]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 recv() failed (104: Connection reset by peer) while proxying and reading\nfrom upstream, client: 10.0.0.1, server: 0.0.0.0:5432, upstream: \"10.0.0.9:5432\"", "response_truncated", null)]
    // Wrapped inside FastCGI's quoted stderr text: the break stands where PHP wrote a space.
    [InlineData("2026/08/04 16:53:09 [error] 2773#2773: *485 FastCGI sent in stderr: \"Primary \nscript unknown\" while reading response header from upstream, client: \n10.0.0.1, server: _, request: \"POST /x.php HTTP/1.1\"", "fastcgi_script_not_found", 404)]
    // Quoted from the pid on (time and level left out) and wrapped by a terminal inside the errno text, then at a field.
    [InlineData("\"41#41: *907 connect() failed (111: Connection ref\nused) while connecting to upstream, client: 10.0.0.1, server: 0.0.0.0:5432,\n upstream: \"10.0.0.9:5432\", bytes from/to client:0/0, bytes from/to upstream:0/0\"", "upstream_down", null)]
    [InlineData("9#9: *3 upstream timed out (110: Connection tim\ned out) while reading response header from upstream, client: 10.0.0.1,\n server: shop.test, request: \"GET / HTTP/1.1\"", "upstream_timeout_read", 504)]
    public void WrappedPaste_IsReadAsOneRecord(string text, string cause, int? status)
    {
        var r = DiagnosisEngine.Analyze(text, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
        Assert.True(r.LineCount > 1);
    }

    [Fact]
    public void LevelTagAloneBeforeALineThatIsNotAtItsPid_StaysApart()
    {
        // Only nginx's PID#TID goes on a level tag left alone on its line: a heading "[error]" over a sentence, over an
        // action quoted alone, or over another level tag, keeps its own record.
        var records = DiagnosisEngine.Analyze("[error]\nthe upstream keeps failing\n[error]\nwhile reading response header from upstream\n[error]\n[error] 12#12: *1 connect() failed (111: Connection refused) while connecting to upstream", 2026).Records;
        Assert.Equal(6, records.Count);
        Assert.All(records, r => Assert.Equal(1, r.LineCount));
        Assert.Equal("upstream_down", records[5].Cause);
    }

    [Fact]
    public void ToolErrorLineAfterARecordAtWrapWidth_StaysApart()
    {
        // curl's "curl: (56) ..." starts a line of its own: a terminal's wrap inside a word does not land before a tool's
        // name, colon and numbered code, so it is not the rest of the long record above it.
        const string text = "2022/01/26 00:38:30 [alert] 32427#513572 [unit] #8: Python failed to create 'client' pair\n`curl: (56) Recv failure: Connection reset by peer`";
        var records = DiagnosisEngine.Analyze(text, 2026).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal(1, records[0].LineCount);
    }

    [Fact]
    public void NoticeRecordAtWrapWidth_KeepsTheNextLowercaseLineApart()
    {
        // A [notice] is written whole (the master's process lifecycle): a list item after a long one is not its rest,
        // while an [error] record of the same width that has no action yet still takes a terminal's wrap.
        const string notice = "2024/01/21 09:57:29 [notice] 14651#14651: cache loader process 14654 exited\n* optimized fake audio process";
        var records = DiagnosisEngine.Analyze(notice, 2026).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal(1, records[0].LineCount);
        const string error = "2024/01/21 09:57:29 [error] 14651#14651: *1 upstream prematurely closed connec\ntion while reading response header from upstream, client: 10.0.0.1, server: a";
        var wrapped = DiagnosisEngine.Analyze(error, 2026).Records;
        Assert.Single(wrapped);
        Assert.Equal("premature_close", wrapped[0].Cause);
    }

    [Fact]
    public void DebugRecordAtWrapWidth_KeepsTheNextLowercaseLineApart()
    {
        // A [debug] record is one trace call written whole (nginx appends no context to it): a module's bare message in
        // lowercase after a long one is a line of its own, not the rest of a terminal's wrap.
        const string text = "2022/02/09 11:13:38 [debug] 2692926#2692926: *5 [lua] openidc.lua:1471: authenticate(): Redirect URI path (/auth) is currently navigated -> Processing authorization response coming from OP\n"
            + "unhandled request to the redirect_uri: /secured?error=server_error&state=7e314ac9f035156db3f93fc786283efa";
        var records = DiagnosisEngine.Analyze(text, 2026).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal(1, records[0].LineCount);
    }

    [Fact]
    public void TimeAloneAboveARecordWithItsOwnTime_StaysApart()
    {
        // Only a record that starts at its level lacks a time: one with its own time is a record of its own.
        const string text = "2026/06/13 14:01:43\n2026/06/13 14:01:44 [error] 27#27: *7 connect() failed (111: Connection refused) while connecting to upstream, client: 172.20.0.1, server: _";
        var records = DiagnosisEngine.Analyze(text, 2026).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal("upstream_down", records[1].Cause);
        Assert.Equal(1, records[1].LineCount);
    }

    // A list of quoted lines: the next one starts in lowercase after a long line, or after a FastCGI quote the writer cut,
    // but holds a record, a known message or a connection number of its own.
    [Theory]
    [InlineData("> 2024/04/08 19:37:22 [debug] 6652#12568: *4 finalize http upstream request: 499", "connect() to unix:/run/gunicorn.sock failed (11: Resource temporarily unavailable) while connecting to upstream. ...", "listen_backlog_full")]
    [InlineData("Oct 13 02:25:57 h-prod error.log 2020/10/13 01:25:57 [alert] 4715#0: 1024 worker_connections are not enough", "help request: How to solve \"accept4() failed (24: Too many open files)\"", "fd_exhaustion")]
    [InlineData("[warn] 5#5: *1593211 an upstream response is buffered to a temporary file, see the note below for the detail we need", "        lf._MSSG: ': *10746 an upstream response is buffered to a temporary file /var/cache/x while reading upstream, client: 1.2.3.4", "not_an_upstream_error")]
    [InlineData("2018/05/22 15:17:24 [info] 45#0: *409 client 10.164.0.5 closed keepalive connection while waiting for it", "let other = r#\"2026/10/08 11:55:40 [error] 31#31: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.7\"#;", "upstream_down")]
    [InlineData("FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Allowed memory size of 67108864 bytes exhausted in /var/www/x.php on line 617\" ", "[error] connect() failed (111: Connection refused) while connecting to upstream, client: 192.168.1.1", "upstream_down")]
    [InlineData("2020/04/24 04:34:27 [error] 7581#7581: *6618 FastCGI sent in stderr: \"PHP message: debug - Checking for HSTS headers", "\"upstream sent too big header while reading response header from upstream\"", "header_too_big")]
    [InlineData("> FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted", "        //FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Allowed memory size of 268435456 bytes exhausted", "php_fatal")]
    [InlineData("[2018-06-05 14:57:47 +0200] [11232] [INFO] Worker exiting (pid: 11232)", "  I am facing an issue: the log says \"upstream prematurely closed connection while reading response header from upstream\"", "premature_close")]
    [InlineData("2024/04/10 09:13:00 [error] 3980#3980: *29815576 upstream prematurely closed connection while reading response header from upstream", "(99: Cannot assign requested address) while connecting to upstream", "ephemeral_port_exhaustion")]
    [InlineData("2021/12/24 10:53:01 [notice] 9589#9589: signal 15 (SIGTERM) received from 11124, exiting", "\"(111: Connection refused) while sending request to upstream\"", "upstream_down")]
    [InlineData("FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Allowed memory size of 67108864 bytes exhausted", "[2018-06-05 14:57:47 +0200] [11229] [CRITICAL] WORKER TIMEOUT (pid:11232)", "app_worker_timeout")]
    [InlineData("2021/09/24 01:15:37 [info] 20#20: *1 client 10.244.115.83 closed keepalive connection while it waited", "worker_connections are not enough while connecting to upstream", "fd_exhaustion")]
    [InlineData("FastCGI sent in stderr: \"PHP message: PHP Fatal error: Allowed memor\u2026", "2025-07-24 19:03:45 - [warn] 1#1: *3 client sent invalid method while reading client request line", "not_an_upstream_error")]
    [InlineData("2020/04/24 04:34:27 [error] 7581#7581: *6618 FastCGI sent in stderr: \"PHP message: debug - Checking for HSTS headers", "level_error : [error] 1404#1404: *1 no live upstreams while connecting to upstream", "no_live_upstreams")]
    [InlineData("The logs contained the error: `FastCGI sent in stderr: \"Primary script unknown\"`. This told me the request reached PHP", "> *80789636 socket() failed (24: Too many open files) while connecting to upstream,", "fd_exhaustion")]
    [InlineData("\"183#183: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: 0.0.0.0:8080\"", "upstream timed out (110: Connection timed out) while connecting to upstream", "upstream_timeout_connect")]
    [InlineData("2022/03/18 10:20:55 [error] 267#267: *162 no live upstreams while connecting to upstream, client:", "*58 upstream sent too big header while reading response header from upstream, client: ::1, server: _", "header_too_big")]
    public void NextEntryOfAList_IsARecordOfItsOwn(string first, string next, string nextCause)
    {
        var records = DiagnosisEngine.Analyze(first + "\n" + next, 2026).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal(1, records[0].LineCount);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(nextCause, records[1].Cause);
    }

    [Theory]
    [InlineData("_[21-Mar-2023 20:12:44] ERROR: Another FPM instance seems to already listen on /var/run/php-fpm.sock")]
    [InlineData("*[21-Mar-2023 20:12:45] ERROR: FPM initialization failed")]
    [InlineData("[21-Mar-2023 20:12:45] ERROR: FPM initialization failed")]
    public void FpmLineAfterACutFastcgiText_IsARecordOfItsOwn(string next)
    {
        // Round 100 (Shaarli's image): a FastCGI text cut before its closing quote, then FPM's own line, which a writer's
        // Markdown italics may open with an underscore: PHP's stderr never goes on with a bracketed time stamp.
        const string first = "2022/01/29 20:44:33 [error] 11#11: *3 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Uncaught RuntimeException: The file could not be opened. Check permissions. in /var/www/shaarli/vendor/katzgrau/klogger/src/Logger.php:134";
        var records = DiagnosisEngine.Analyze(first + "\n" + next, 2026).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal(1, records[0].LineCount);
        Assert.Equal("php_fatal", records[0].Cause);
        Assert.Equal(2, records[1].Line);
    }

    [Fact]
    public void FastcgiTextGoingOnWithAnAppsWordsLikeNginxs_StaysOneRecord()
    {
        // A PHP client's exception quotes Envoy's answer on its own line; it starts like nginx's "upstream ..." messages
        // but carries no action of nginx's, so it is still the stderr text, and the record keeps its suffix.
        const string text = "2026/11/21 10:00:00 [error] 7#7: *3 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Uncaught GuzzleHttp\\Exception\\ServerException: Server error: `GET http://svc/api` resulted in a `503 Service Unavailable` response:\n"
            + "upstream connect error or disconnect/reset before headers. reset reason: connection failure in /var/www/vendor/guzzle/src/Exception/RequestException.php:113\n"
            + "Stack trace:\n#0 {main}\n  thrown in /var/www/vendor/guzzle/src/Exception/RequestException.php on line 113\" while reading response header from upstream, client: 10.0.0.1, server: shop.test, request: \"GET /checkout HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"shop.test\"";
        var r = Assert.Single(DiagnosisEngine.Analyze(text, 2026).Records);
        Assert.Equal(5, r.LineCount);
        Assert.Equal("php_fatal", r.Cause);
        Assert.Equal("shop.test", r.Server);
    }

    [Fact]
    public void CodeSpanAfterACompleteRecord_StaysApart()
    {
        // The record in the span above has its suffix: the next span is a record (or prose) of its own.
        const string text = "`2026/09/30 12:40:32 [crit] 7#7: *3 connect() to unix:/run/a.sock failed (2: No such file or directory) while connecting to upstream, client: 1.1.1.1, server: a`\n"
            + "`while the socket was missing`";
        var records = DiagnosisEngine.Analyze(text, 2026).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal("unix_socket_missing", records[0].Cause);
        Assert.Equal(1, records[0].LineCount);
    }

    [Fact]
    public void QuotedLineAfterACompleteRecord_StaysApart()
    {
        // The record already has its suffix and ends with the host's quote: a quoted line after it is no literal's rest.
        const string text = "    \"2026/03/01 10:00:31 [error] 11#11: *5 connect() failed (111: Connection refused) while connecting to upstream, "
            + "client: 1.1.1.1, server: t.com, host: \"t.com\"\"\n    'client: 2.2.2.2, server: u.com'";
        var records = DiagnosisEngine.Analyze(text, 2026).Records;
        Assert.Equal(1, records[0].LineCount);
        Assert.Equal("1.1.1.1", records[0].Client);
    }

    [Fact]
    public void BareFastcgiMessageOverTwoLines_IsOneRecord()
    {
        // Quoted without time, level or pid: the stderr text goes on to the next line, where PHP's fatal error decides.
        const string text = "FastCGI sent in stderr: \"PHP message: PHP Warning:  require(/app/x.php): failed to open stream\n"
            + "PHP message: PHP Fatal error:  require(): Failed opening required '/app/x.php'\" while reading response header from upstream";
        var r = Assert.Single(DiagnosisEngine.Analyze(text, 2026).Records);
        Assert.Equal(2, r.LineCount);
        Assert.Equal("php_fatal", r.Cause);
    }

    [Theory]
    // A bare message after a record that already has its action, a companion line, a new nginx record.
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 connect() failed (111: Connection refused) while connecting to upstream\nupstream timed out (110: Connection timed out) while reading response header from upstream", "upstream_down", "upstream_timeout_read")]
    [InlineData("2026/11/21 13:41:14 [notice] 1#1: start worker process 40\nchild 4242 exited on signal 9 (SIGKILL) after 1.0 seconds from start", "not_an_upstream_error", "app_crash")]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 connect() failed\n2026/11/21 13:41:15 [error] 7#7: *4 no live upstreams while connecting to upstream", "not_an_upstream_error", "no_live_upstreams")]
    public void LineAfterRecord_IsNotJoinedWhenItStandsAlone(string text, string first, string second)
    {
        var records = DiagnosisEngine.Analyze(text, 2026).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal(first, records[0].Cause);
        Assert.Equal(second, records[1].Cause);
    }

    [Theory]
    [InlineData("2026/11/21 13:41:14 [warn] 9#9: no resolver defined to resolve ocsp.ca.test while requesting certificate status, responder: ocsp.ca.test, certificate: \"/etc/ssl/site.pem\"", "not_an_upstream_error", null)]
    [InlineData("2026/11/21 13:41:14 [error] 9#9: ocsp.ca.test could not be resolved (110: Operation timed out) while requesting certificate status, responder: ocsp.ca.test, certificate: \"/etc/ssl/site.pem\"", "not_an_upstream_error", null)]
    [InlineData("2026/11/21 13:41:14 [error] 9#9: *7 upstream timed out (110: Connection timed out) while connecting to upstream, client: 10.0.0.1, server: shop.test, request: \"GET / HTTP/1.1\", subrequest: \"/auth\", upstream: \"http://10.0.0.9:9091/auth\", host: \"shop.test\"", "upstream_timeout_connect", null)]
    [InlineData("2026/11/21 13:41:14 [error] 9#9: *7 api.internal could not be resolved (3: Host not found), client: 10.0.0.1, server: shop.test, request: \"GET / HTTP/1.1\", host: \"shop.test\"", "dns_resolution", 502)]
    // A writer emptied the request field: the subrequest after it still hands the status to its issuer.
    [InlineData("2026/11/21 13:41:14 [error] 6#6: *12 connect() failed (111: Connection refused) while connecting to upstream, client: IP, server: .., request: , subrequest: \"/oauth2/auth\", upstream: ", "upstream_down", null)]
    [InlineData("2026/11/21 13:41:14 [error] 6#6: *12 connect() failed (111: Connection refused) while connecting to upstream, client: IP, server: .., request: , upstream: \"http://10.0.0.9:4180/oauth2/auth\"", "upstream_down", 502)]
    public void ResolverAndSubrequestLines_GetTheStatusNginxGives(string line, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    // A paste that lost the "*" before the connection number still reads the message after it.
    [InlineData("2026/11/21 13:41:14 [error] 1240#1240: 778896 upstream sent too big header while reading response header from upstream" + Sfx, "header_too_big", 502, 778896L)]
    [InlineData("[error] 9#9: 41 connect() failed (111: Connection refused) while connecting to upstream" + Sfx, "upstream_down", 502, 41L)]
    // The star eaten by Markdown emphasis in a record whose quotes a JSON or SQL string escaped, with or without the
    // rendered page's tag left in its place.
    [InlineData("2026/11/21 13:41:14 [error] 627#0: 3865 open() \\\"/srv/www/a.css\\\" failed (2: No such file or directory), client: 10.0.0.1, server: shop.test, request: \\\"GET /a.css HTTP/1.1\\\", host: \\\"shop.test\\\"", "not_an_upstream_error", 404, 3865L)]
    [InlineData("2026/11/21 13:41:14 [error] 627#0: </em>3865 open() \"/srv/www/a.css\" failed (2: No such file or directory), client: 10.0.0.1, server: shop.test, request: \"GET /a.css HTTP/1.1\", host: \"shop.test\"", "not_an_upstream_error", 404, 3865L)]
    [InlineData("2026/11/21 13:41:14 [error] 9#9: <em>41 connect() failed (111: Connection refused) while connecting to upstream" + Sfx, "upstream_down", 502, 41L)]
    // A tag before a number that no connection message follows reads no connection.
    [InlineData("2026/11/21 13:41:14 [alert] 843#843: <em>1024 worker_connections are not enough", "fd_exhaustion", null, null)]
    // nginx's own count-first message keeps its count: no connection follows from it.
    [InlineData("2026/11/21 13:41:14 [alert] 843#843: 1024 worker_connections are not enough", "fd_exhaustion", null, null)]
    // A writer's count before prose about upstream statuses is no connection number, and "upstream 502s" is no message:
    // the refusal quoted after it is the record.
    [InlineData("57845 upstream 502s (`connect() failed (113: Host is unreachable) while", "no_route", 502, null)]
    [InlineData("57845 upstream 502s (`connect() failed (111: Connection refused) while connecting to upstream`, to CDN addresses)", "upstream_down", 502, null)]
    public void ConnectionNumberWithoutStar_IsTheConnectionOnlyBeforeAConnectionMessage(string line, string cause, int? status, long? connection)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
        Assert.Equal(connection, r.ConnectionId);
    }

    [Theory]
    // The stream modules' refusals: no request, the listen address as server, so no HTTP status.
    [InlineData("2026/11/21 13:41:14 [error] 89#89: *1 access forbidden by rule, client: 172.17.0.1, server: 0.0.0.0:1935", "not_an_upstream_error", null)]
    [InlineData("2026/11/21 13:41:14 [error] 89#89: *3 limiting connections by zone \"addr\", client: 172.17.0.1, server: [::]:3306", "rate_limited", null)]
    // The HTTP modules' refusals keep their status: with a request, or quoted with a server name.
    [InlineData("2026/11/21 13:41:14 [error] 89#89: *1 access forbidden by rule, client: 172.17.0.1, server: shop.test, request: \"GET / HTTP/1.1\", host: \"shop.test\"", "not_an_upstream_error", 403)]
    [InlineData("[error] 1#0: *2 access forbidden by rule, client: 203.0.113.50, server: _", "not_an_upstream_error", 403)]
    [InlineData("2026/11/21 13:41:14 [error] 89#89: *3 limiting connections by zone \"addr\", client: 172.17.0.1, server: shop.test, request: \"GET / HTTP/1.1\", host: \"shop.test\"", "rate_limited", 503)]
    public void StreamRefusal_HasNoHttpStatus(string line, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    // A copy garbled the tid ("#e" for "#0"): the connection number after ": " still marks the record's head.
    [InlineData("2022/08/05 13:00:24 [error] 3389#e: *1092213 upstream timed out (110: Connection timed out) while reading upstream" + Sfx, "response_truncated", null, 1092213L)]
    [InlineData("2022/08/05 13:00:24 [error] 3389#O: *7 connect() failed (111: Connection refused) while connecting to upstream" + Sfx, "upstream_down", 502, 7L)]
    // Without the connection number after it, a "#word:" is no record head: nothing upstream is read from it.
    [InlineData("2022/08/05 13:00:24 [error] 3389#e: upstream timed out (110: Connection timed out) while reading upstream" + Sfx, "not_an_upstream_error", null, null)]
    public void GarbledTid_BeforeAConnectionNumber_KeepsTheRecordHead(string line, string cause, int? status, long? connection)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
        Assert.Equal(connection, r.ConnectionId);
    }

    [Theory]
    // A writer masked the pid, the tid and the connection number with asterisks: the message after the masks is read.
    [InlineData("2016/10/24 10:21:13 [error] ***#***: ******** upstream timed out (110: Connection timed out) while reading response header from upstream" + Sfx, "upstream_timeout_read", 504)]
    [InlineData("2016/10/24 10:21:13 [error] ****#****: *** connect() failed (111: Connection refused) while connecting to upstream" + Sfx, "upstream_down", 502)]
    [InlineData("2016/10/24 10:21:13 [error] 7#7: ***** recv() failed (104: Connection reset by peer) while proxying upgraded connection" + Sfx, "response_truncated", null)]
    // Markdown's bold around the message is no mask ("**" before a word, not a blank): still read as bold markup.
    [InlineData("2016/10/24 10:21:13 [error] 7#7: **upstream timed out (110: Connection timed out) while reading response header from upstream**", "upstream_timeout_read", 504)]
    public void MaskedPidTidAndConnection_MessageStillRead(string line, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
        Assert.Null(r.ConnectionId);
    }

    [Theory]
    // A noise filter's or log template miner's placeholders in angle brackets for the pid and the connection number: the
    // message after them is read, and with it the static module's status.
    [InlineData("[error] <PID>: *<CONN> open() \"/usr/share/nginx/default/.env\" failed (2: No such file or directory), client: <CLIENT>, server: _, request: \"GET /.env HTTP/1.1\", host: \"example.com\"", "not_an_upstream_error", 404)]
    [InlineData("\t\t\tnormalized: `[error] <PID>: *<CONN> open() \"/usr/share/nginx/default/.git/config\" failed (2: No such file or directory), client: <CLIENT>, server: _`,", "not_an_upstream_error", 404)]
    [InlineData("2024/01/01 00:00:00 [error] <*>#<*>: *<*> connect() failed (111: Connection refused) while connecting to upstream, client: <*>, server: <*>", "upstream_down", 502)]
    // A tag after a star is no placeholder: the line stays prose.
    [InlineData("see *<b> open() \"/x\" failed (2: No such file or directory), client: 1.1.1.1", "not_an_upstream_error", null)]
    public void AnglePlaceholdersForPidAndConnection_MessageStillRead(string line, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
        Assert.Null(r.ConnectionId);
    }

    [Theory]
    // A template's connection placeholder opening an indented literal in a list of messages ("'*%d client sent ...',"):
    // the message after it is read, as after real digits.
    [InlineData("        '*%d client sent invalid method while reading client request line',", "not_an_upstream_error", 400)]
    [InlineData("        \"*{cid} upstream timed out (110: Connection timed out) while reading response header from upstream\",", "upstream_timeout_read", 504)]
    [InlineData("        '*5 client sent invalid method while reading client request line',", "not_an_upstream_error", 400)]
    public void ConnectionPlaceholder_InAnIndentedLiteral_MessageStillRead(string line, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    // A quote cut right after the function's name kept the bare "failed": the errno and the action decide, as they do
    // for the errno group alone.
    [InlineData("failed (104: Connection reset by peer) while reading upstream", "response_truncated", null)]
    [InlineData("(104: Connection reset by peer) while reading upstream", "response_truncated", null)]
    [InlineData("failed (104: Connection reset by peer) while reading response header from upstream", "connection_reset", 502)]
    // Any other word before the group is not the cut function's: it says nothing upstream.
    [InlineData("send failed (104: Connection reset by peer) while reading upstream", "not_an_upstream_error", null)]
    public void BareFailedBeforeTheErrno_ReadsLikeTheGroupAlone(string line, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    // A peer cut down to the socket file's extension still names a unix socket: EAGAIN there is the listen queue.
    [InlineData(".sock failed (11: Resource temporarily unavailable) while connecting to upstream | |", "listen_backlog_full", 502)]
    [InlineData("fpm.socket failed (11: Resource temporarily unavailable) while connecting to upstream", "listen_backlog_full", 502)]
    // A TCP peer's EAGAIN is no listen queue of a socket file.
    [InlineData("127.0.0.1:9000 failed (11: Resource temporarily unavailable) while connecting to upstream", "not_an_upstream_error", 502)]
    public void CutPeerWithSocketExtension_IsAUnixSocket(string line, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    // The writer broke the record right after "FastCGI sent in stderr:": the quoted text opens the next line and belongs
    // to the record, as do the action and the fields after it.
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *6 FastCGI sent in stderr:\n\"Unable to open primary script: /srv/www/index.php (No such file or directory)\"\nwhile reading response header from upstream, client: ::1, server: shop.test", "fastcgi_script_not_found", 404)]
    // PHP-FPM answers 403 "Access denied." when it cannot open the script for want of permission, 404 for other errnos.
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *6 FastCGI sent in stderr:\n\"Unable to open primary script: /srv/www/index.php (Permission denied)\"\nwhile reading response header from upstream, client: ::1, server: shop.test", "fastcgi_script_not_found", 403)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *6 FastCGI sent in stderr: \"Unable to open primary script: /srv/www/index.php (Operation not permitted)\" while reading response header from upstream, client: ::1, server: shop.test", "fastcgi_script_not_found", 404)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *6 FastCGI sent in stderr:\n\"PHP message: PHP Fatal error:  Uncaught Error: Class 'App' not found in /srv/www/index.php:3\" while reading response header from upstream" + Sfx, "php_fatal", 500)]
    public void FastcgiTextOnTheLineAfterTheColon_BelongsToTheRecord(string text, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(text, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Fact]
    public void QuotedLineAfterAnotherMessage_StartsNoFastcgiText()
    {
        // Only the FastCGI message's colon opens a quoted text on the next line: after another record's end, a quoted
        // line is the next thing the writer pasted.
        var records = DiagnosisEngine.Analyze("2026/11/21 13:41:14 [error] 5#5: *6 upstream sent too big header while reading response header from upstream:\n\"upstream timed out (110: Connection timed out) while reading response header from upstream\"", 2026).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal("upstream_timeout_read", records[1].Cause);
    }

    [Theory]
    // A paste site's numbered view copied with its numbers: every physical line of a wrapped record carries one, and the
    // record is read as if they were not there.
    [InlineData("  1. [error] 5541#0: *6 FastCGI sent in stderr:\n  2. \"Unable to open primary script: /srv/www/index.php (No such file or directory)\"\n  3. while reading response header from upstream, client: ::1, server: localhost,\n  4. request: \"GET /index.php HTTP/1.1\",\n  5. upstream: \"fastcgi://unix:/run/php/php-fpm.sock:\", host: \"localhost\"", "fastcgi_script_not_found", 404, "GET /index.php HTTP/1.1")]
    [InlineData("  9. 2026/11/21 13:41:14 [error] 7#7: *3 connect() failed (111: Connection refused)\n 10. while connecting to upstream, client: 10.0.0.1, server: shop.test,\n 11. request: \"GET /cart HTTP/1.1\", upstream: \"http://10.0.0.9:8080/cart\"", "upstream_down", 502, "GET /cart HTTP/1.1")]
    public void NumberedPasteLines_AreReadWithoutTheirNumbers(string text, string cause, int? status, string request)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(text, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
        Assert.Equal(request, r.Request);
    }

    [Theory]
    [InlineData("  12. 2026/11/21 13:41:14 [error] 7#7: *3 ...", 6)]
    [InlineData("3.\twhile connecting to upstream", 3)]
    // An address, a time or a version has no blank after its first dot; a number with nothing after it marks no line.
    [InlineData("10.0.3.8 - - [23/Jul/2016:15:00:07 +0200] \"POST /upload HTTP/1.1\" 500 5", 0)]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 ...", 0)]
    [InlineData("1.25.2 started", 0)]
    [InlineData("  4. ", 0)]
    // A CJK list's number and its full-width mark, with or without blanks after it; the mark alone is no number.
    [InlineData("2，client closed prematurely connection while reading client request line", 2)]
    [InlineData("1、 connect() failed (111: Connection refused)", 3)]
    [InlineData("，client closed prematurely connection", 0)]
    [InlineData("3、", 0)]
    public void ListNumber_IsTheNumberedViewsMarkerOnly(string line, int length) =>
        Assert.Equal(length, Nginx502Bot.Diagnostics.Parsing.PasteNoise.ListNumber(line));

    [Theory]
    // Cut inside the server key (an editor's "$" where the screen ended, a gist table's " | |"): the suffix starts at the
    // client all the same, so the action before it is read.
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 10.0.0.1, serve$ | |", "connection_reset", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 upstream timed out (110: Connection timed out) while reading upstream, client: 10.0.0.1, ser", "response_truncated", null)]
    // Any other word after the client is message text, not a cut key: no suffix, so no action either.
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 10.0.0.1, served", "not_an_upstream_error", null)]
    public void CutInsideTheServerKey_KeepsTheSuffix(string line, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    // A terminal or the writer broke the record between a suffix key and its value ("client:" / "192.168.10.1, ..."):
    // the value is joined back to its key.
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 recv() failed (104: Connection reset by peer) while reading response header from upstream, client:\n10.0.0.1, server: shop.test, request: \"GET / HTTP/1.1\", upstream:\n\"fastcgi://unix:/run/php/php-fpm.sock:\", host: \"shop.test\"", "connection_reset", 502, "fastcgi://unix:/run/php/php-fpm.sock:")]
    // A line ending with a bare word and a colon is no suffix key: the next line stays a record of its own.
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 connect() failed (111: Connection refused) while connecting to upstream" + Sfx + "\nNote:\n10.0.0.1 answered on 8080", "upstream_down", 502, "http://10.0.0.9:8080/cart")]
    public void SuffixKeyAtTheLineEnd_TakesTheNextLineAsItsValue(string text, string cause, int? status, string upstream)
    {
        var r = DiagnosisEngine.Analyze(text, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
        Assert.Equal(upstream, r.Upstream);
    }

    [Fact]
    public void CutRightAfterTheClientsComma_KeepsTheAction()
    {
        // nano's "$" right after the client's comma: the suffix starts there, so "while reading upstream" is the action
        // and the temp file's failure cuts a response whose header went out (not the 500 of a crit open()).
        var r = Assert.Single(DiagnosisEngine.Analyze("2026/11/21 13:41:14 [crit] 7#7: *3 open() \"/var/lib/nginx/fastcgi/1/00/0000000001\" failed (13: Permission denied) while reading upstream, client: 10.0.0.1, $", 2026).Records);
        Assert.Equal("response_truncated", r.Cause);
        Assert.Null(r.Status);
    }

    [Theory]
    // A paste that starts further inside the level than its bracket: the record is read from its pid on.
    [InlineData("rror] 16#0: *4 lua entry thread aborted: runtime error: content_by_lua(nginx.conf:9):2: boom", "not_an_upstream_error", 500, 16)]
    [InlineData("or] 12#12: *4 connect() failed (111: Connection refused) while connecting to upstream" + Sfx, "upstream_down", 502, 12)]
    [InlineData("it] 13#13: *4 connect() to unix:/run/app.sock failed (13: Permission denied) while connecting to upstream" + Sfx, "unix_socket_permission", 502, 13)]
    public void CutInsideTheLevelsName_ReadsTheRecordFromItsPid(string line, string cause, int? status, int pid)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
        Assert.Equal(pid, r.Pid);
    }

    [Theory]
    // Only the end of one of nginx's level names counts, and a digit must follow the bracket.
    [InlineData("note] 16#0: *4 lua entry thread aborted: runtime error: content_by_lua(nginx.conf:9):2: boom")]
    [InlineData("rror] see 16#0: *4 lua entry thread aborted: runtime error: content_by_lua(nginx.conf:9):2: boom")]
    public void OtherWordsBeforeABracket_AreNoCutLevel(string line) =>
        Assert.Null(DiagnosisEngine.Analyze(line, 2026).Records[0].Status);

    [Theory]
    // The request parser's refusals capitalised by a writer's list are still the request's 400; prose that starts the
    // same way without the request-reading action is not a record.
    [InlineData("Client sent invalid host header while reading client request headers.", 400)]
    [InlineData("Client sent invalid request while reading client request line.", 400)]
    [InlineData("Client sent a burst of requests, then nginx answered 502", null)]
    public void CapitalisedClientSentRefusal_KeepsTheRequestsStatus(string line, int? status)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal("not_an_upstream_error", r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    // A machine translation puts blanks on both sides of the "#" and after the "*": the head is still nginx's, and the
    // pid, tid and connection number are kept.
    [InlineData("2026/11/21 13:41:14 [error] 24030 # 24030: * 17 upstream timed out (110: Connection timed out) while reading response header from upstream" + Sfx, "upstream_timeout_read", 504, 17)]
    [InlineData("2026/11/21 13:41:14 [error] 311 # 311: * 9 connect() failed (111: Connection refused) while connecting to upstream" + Sfx, "upstream_down", 502, 9)]
    [InlineData("2026/11/21 13:41:14 [error] 311#311: * 9 recv() failed (104: Connection reset by peer) while reading response header from upstream" + Sfx, "connection_reset", 502, 9)]
    public void TranslatedHeadWithBlanks_KeepsPidAndConnection(string line, string cause, int? status, long connection)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
        Assert.Equal(connection, r.ConnectionId);
        Assert.NotNull(r.Pid);
    }

    [Theory]
    // A "* N" that no message of nginx's follows is not taken for a connection number (prose, a list's bullet).
    [InlineData("2026/11/21 13:41:14 [error] 24030 # 24030: * 17 things went wrong on the host")]
    [InlineData("* 3 workers were restarted before the 502s")]
    public void SpacedStarBeforeProse_IsNoConnection(string line) =>
        Assert.Null(DiagnosisEngine.Analyze(line, 2026).Records[0].ConnectionId);

    [Theory]
    // A record copied out of Markdown source keeps nginx's text once its escapes are dropped, at the line's start or
    // inside a table cell after other words.
    [InlineData("2026/11/21 13:41:14 \\[error\\] 29881\\#0: \\*319208 connect\\(\\) to unix:/run/app.sock failed \\(111: Connection refused\\) while connecting to upstream" + Sfx, "upstream_down", 502)]
    [InlineData("| App failures | 2026/11/21 13:41:14 \\[error\\] 7\\#7: \\*3 upstream timed out \\(110: Connection timed out\\) while reading response header from upstream" + Sfx + " |", "upstream_timeout_read", 504)]
    [InlineData("\\[crit\\] 12\\#12: \\*4 connect\\(\\) to unix:/run/php/x.sock failed \\(2: No such file or directory\\) while connecting to upstream", "unix_socket_missing", 502)]
    public void MarkdownEscapedRecord_ReadAsNginxWroteIt(string line, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Fact]
    public void EscapedParenthesisWithoutItsEscapedPartner_IsNoMarkdownEscape() =>
        // A Swift interpolation ("\(name)") escapes the opening parenthesis only.
        Assert.False(Nginx502Bot.Diagnostics.Parsing.MarkdownEscapes.Applies("+ \"while reading upstream, client: \\(bridgeIP), server: \\(wildcardHost), \""));

    [Theory]
    // A fail2ban pattern escapes nginx's punctuation too, but its classes and groups ("\d+", "(?:...)") stay: the line is
    // still no record.
    [InlineData("failregex = ^ \\[error\\] \\d+#\\d+: \\*\\d+ upstream timed out \\(110: Connection timed out\\) while reading response header from upstream, client: <HOST>")]
    [InlineData("failregex = ^ \\[error\\] \\d+#\\d+: \\*\\d+ limiting requests, excess: [\\d\\.]+ by zone \"(?:[^\"]+)\", client: <HOST>")]
    public void FailRegexWithEscapes_StaysNoRecord(string line)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal("not_an_upstream_error", r.Cause);
        Assert.Null(r.Status);
    }

    [Theory]
    // A record cut after its errno group with a Markdown emphasis closed behind it keeps the group; the bold group
    // inside a whole record is read as before.
    [InlineData("2026/11/21 13:41:14 [crit] 5#5: *2 connect() to unix:/run/php/x.sock failed (2: No such file or directory)*", "unix_socket_missing", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 5#5: *2 connect() failed (111: Connection refused)**", "upstream_down", 502)]
    [InlineData("2026/11/21 13:41:14 [crit] 5#5: *2 connect() to unix:/run/app.sock failed **(13: Permission denied)** while connecting to upstream" + Sfx, "unix_socket_permission", 502)]
    public void ErrnoGroupBeforeAnEmphasisStar_IsRead(string line, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Fact]
    public void RecordQuotedFromItsConnectionNumber_WrappedAndIndented_IsOneRecord()
    {
        // A note keeps the record from its "*N" on, wrapped before the errno group and after each suffix field.
        var text = "     *776 connect() to unix:/tmp/app_socket_http failed \n"
            + "     (11: Resource temporarily unavailable) while connecting to upstream, \n"
            + "     client: 127.0.0.1, server: _, request: \"GET / HTTP/1.1\", \n"
            + "     upstream: \"http://unix:/tmp/app_socket_http:/\", \n"
            + "     host: \"localhost:8000\"";
        var r = Assert.Single(DiagnosisEngine.Analyze(text, 2026).Records);
        Assert.Equal(("listen_backlog_full", (int?)502), (r.Cause, r.Status));
    }

    [Fact]
    public void StarredQuoteFollowedByProse_StaysApart()
    {
        // Only the errno group, action or suffix of a record that still lacks them joins; a sentence does not.
        var text = "*776 connect() to unix:/tmp/app.sock failed (11: Resource temporarily unavailable) while connecting to upstream\n"
            + "Resource temporarily unavailable means the backlog is full.";
        var records = DiagnosisEngine.Analyze(text, 2026).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal(("listen_backlog_full", (int?)502), (records[0].Cause, records[0].Status));
    }

    [Fact]
    public void DirectiveNamedBeforeTheAlertInProse_AlertStillRead()
    {
        // The directive's own name comes first ("`worker_connections 768 -> 4096`"); the alert quoted after it is C5.
        var line = "| Host nginx | `worker_connections 768 -> 4096` | Error log recorded `768 worker_connections are not enough while connecting to upstream`. Keep it. |";
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(("fd_exhaustion", (int?)500), (r.Cause, r.Status));
    }

    [Theory]
    // A reporter masked the connection number in letters; the record is still nginx's, wrapped before its errno group.
    [InlineData("2019/10/16 14:00:00 [crit] 31375#31375: *XXXXXXXX connect() to 127.0.0.1:80 failed (99: Cannot assign requested address) while connecting to upstream, client: 10.0.0.1, server: localhost, request: \"GET / HTTP/1.1\"", "ephemeral_port_exhaustion", 502)]
    [InlineData("2019/10/16 14:00:00 [crit] 31375#31375: *xxxx connect() to 127.0.0.1:80 failed\n(99: Cannot assign requested address) while connecting to upstream, client: 10.0.0.1", "ephemeral_port_exhaustion", 502)]
    public void ConnectionNumberMaskedInLetters_RecordRead(string text, string cause, int? status)
    {
        var r = DiagnosisEngine.Analyze(text, 2026).Records[0];
        Assert.Equal((cause, status), (r.Cause, r.Status));
    }

    [Theory]
    // A reporter kept the pid but masked the tid in asterisks, the connection number in underscores, or both.
    [InlineData("[error] 2470#****: *_____ connect() failed (111: Connection refused) while connecting to upstream, client: ***.**.*.**, server: m.example.org, request: \"GET /_matrix HTTP/2.0\", upstream: \"http://127.0.0.1:8008/_matrix\", host: \"m.example.org\"")]
    [InlineData("[error] 2470#****: *7 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: m.example.org, request: \"GET /_matrix HTTP/2.0\", upstream: \"http://127.0.0.1:8008/_matrix\", host: \"m.example.org\"")]
    [InlineData("[error] 2470#2470: *___ connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: m.example.org, request: \"GET /_matrix HTTP/2.0\", upstream: \"http://127.0.0.1:8008/_matrix\", host: \"m.example.org\"")]
    public void TidMaskedInAsterisksOrConnectionInUnderscores_RecordRead(string line)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(("upstream_down", (int?)502, 2470), (r.Cause, r.Status, r.Pid ?? 0));
    }

    [Fact]
    public void UnderscoresBeforeAWordThatIsNoMessage_AreNoConnectionNumber()
    {
        // "*__" counts as a masked number only before a message nginx writes.
        var r = DiagnosisEngine.Analyze("2019/10/16 14:00:00 [error] 1#1: *__ hello world", 2026).Records[0];
        Assert.Equal(0, r.ConnectionId ?? 0);
    }

    [Fact]
    public void StarBeforeAWordThatIsNoMessage_IsNoConnectionNumber()
    {
        // "*XX" counts as a masked number only before a message nginx writes.
        var r = DiagnosisEngine.Analyze("2019/10/16 14:00:00 [error] 1#1: *XX hello world", 2026).Records[0];
        Assert.Equal(0, r.ConnectionId ?? 0);
    }

    [Theory]
    // The drain warning's tail sits inside the writer's quote or code span; the words after it are the writer's.
    [InlineData("  - 检查 error_log 里有没有 `worker_connections are not enough, reusing connections` 类似的日志。")]
    [InlineData("   `1024 worker_connections are not enough, reusing connections`, and `nginx-uwsgi/nginx.conf`")]
    [InlineData("# default of 1024 to avoid the warning \"1024 worker_connections are not enough, reusing connections\"")]
    public void DrainWarningQuotedInProse_IsFdExhaustionWithoutStatus(string line)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(("fd_exhaustion", (int?)null), (r.Cause, r.Status));
    }

    [Theory]
    // CJK prose puts the quoted record right after its full-width colon or comma, with no blank: the level, pid and
    // connection number are read as after an ASCII lead-in ("nginx said: [error] ...").
    [InlineData("在nginx中报错：[error] 6#6: *5 connect() failed (111: Connection refused) while connecting to upstream" + Sfx, "upstream_down", 502)]
    [InlineData("日志里，[error] 6#6: *5 upstream timed out (110: Connection timed out) while reading response header from upstream" + Sfx, "upstream_timeout_read", 504)]
    public void RecordAfterAFullWidthColon_KeepsItsHead(string line, string cause, int? status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal((cause, status), (r.Cause, r.Status));
        Assert.Equal(("error", 6, 5L), (r.Level, r.Pid, r.ConnectionId));
    }

    [Theory]
    // Apache's heads around a bracketed level (round 83): its process bracket after the level, its C time before it. Such
    // a line is Apache's record, not an nginx record pasted without its pid, so no nginx cause is read from its words.
    [InlineData("[error] [pid 25] End of script output before headers: mapserv_wrapper")]
    [InlineData(" [warn] [pid 15] mod_fcgid: error reading data, FastCGI server closed connection")]
    [InlineData("[Fri Aug 10 03:47:38 2012] [error] Unexpected error during upload.")]
    public void ApacheHeadAroundTheLevel_IsNoNginxRecord(string line)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.NotEqual(RecordKind.NginxHttp, r.Kind);
        Assert.NotEqual(RecordKind.NginxCore, r.Kind);
        Assert.Equal("not_an_upstream_error", r.Cause);
    }

    [Theory]
    // nginx's own records pasted from the level on keep being read, with or without a prefix of the writer's.
    [InlineData("[error] 14#14: *3 upstream prematurely closed connection while reading response header from upstream" + Sfx, "premature_close")]
    [InlineData("web_1 | [error] 7#7: *1 connect() failed (111: Connection refused) while connecting to upstream" + Sfx, "upstream_down")]
    public void NginxRecordFromItsLevelOn_IsStillRead(string line, string cause)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal((cause, (int?)502), (r.Cause, r.Status));
    }
}
