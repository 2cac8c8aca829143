using Nginx502Bot.Diagnostics.Analysis;

namespace Nginx502Bot.Diagnostics.Tests.Classification;

/// <summary>
/// Every message family of nginx-502-messages.md on literal lines: the lines of its Appendix A (reproduced with real
/// nginx) and the templates of §2, with glibc, musl and BSD errno texts.
/// </summary>
public class NginxClassifierTests
{
    private const string P = "2026/11/21 13:41:14 [error] 6087#6087: ";
    private const string Sfx = ", client: 127.0.0.1, server: test.local, request: \"GET /x?y=1 HTTP/1.1\", upstream: \"http://127.0.0.1:18999/x?y=1\", host: \"127.0.0.1:18080\"";
    private const string FcgiSfx = ", client: 127.0.0.1, server: php.local, request: \"GET /index.php HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"php.local\"";

    [Theory]
    // Connect (C1, C2)
    [InlineData(P + "*1 connect() failed (111: Connection refused) while connecting to upstream" + Sfx, "upstream_down", 502)]
    [InlineData(P + "*9 connect() to unix:/tmp/ngxrun/nonexistent.sock failed (2: No such file or directory) while connecting to upstream, client: 127.0.0.1, server: test.local, request: \"GET /unixmiss?x=1 HTTP/1.1\", upstream: \"fastcgi://unix:/tmp/ngxrun/nonexistent.sock:\", host: \"127.0.0.1:18080\", referrer: \"http://ref.example/\"", "unix_socket_missing", 502)]
    [InlineData(P + "*22 connect() to unix:/tmp/ngxrun/dead.sock failed (13: Permission denied) while connecting to upstream, client: 127.0.0.1, server: , request: \"GET /unixdead HTTP/1.1\", upstream: \"http://unix:/tmp/ngxrun/dead.sock:/app\", host: \"127.0.0.1:18081\"", "unix_socket_permission", 502)]
    [InlineData(P + "*38 connect() to unix:/tmp/ngxrun/dead.sock failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: , request: \"GET /unixdead HTTP/1.1\", upstream: \"http://unix:/tmp/ngxrun/dead.sock:/app\", host: \"x\"", "upstream_down", 502)]
    [InlineData(P + "*40 connect() to unix:/tmp/ngxrun/full.sock failed (11: Resource temporarily unavailable) while connecting to upstream" + FcgiSfx, "listen_backlog_full", 502)]
    [InlineData(P + "*5 connect() to 10.0.0.5:8080 failed (13: Permission denied) while connecting to upstream" + Sfx, "selinux_denied", 502)]
    [InlineData(P + "*5 connect() to 10.0.0.5:8080 failed (1: Operation not permitted) while connecting to upstream" + Sfx, "firewall_blocked", 502)]
    [InlineData(P + "*5 connect() failed (113: No route to host) while connecting to upstream" + Sfx, "no_route", 502)]
    [InlineData(P + "*5 connect() failed (113: Host is unreachable) while connecting to upstream" + Sfx, "no_route", 502)]
    [InlineData(P + "*5 connect() to [2001:db8::1]:80 failed (101: Network is unreachable) while connecting to upstream" + Sfx, "network_unreachable", 502)]
    [InlineData(P + "*5 connect() to [2001:db8::1]:80 failed (101: Network unreachable) while connecting to upstream" + Sfx, "network_unreachable", 502)]
    [InlineData(P + "*5 connect() to 127.0.0.1:8080 failed (99: Cannot assign requested address) while connecting to upstream" + Sfx, "ephemeral_port_exhaustion", 502)]
    [InlineData(P + "*5 connect() to 127.0.0.1:8080 failed (99: Address not available) while connecting to upstream" + Sfx, "ephemeral_port_exhaustion", 502)]
    [InlineData(P + "*5 connect() failed (110: Connection timed out) while connecting to upstream" + Sfx, "upstream_timeout_connect", 502)]
    [InlineData(P + "*5 kevent() reported that connect() failed (61: Connection refused) while connecting to upstream" + Sfx, "upstream_down", 502)]
    // C7/C8: proxy_bind's bind() and transparent setsockopt() name their argument, not "()": nginx's own socket setup, 500
    // (ngx_event_connect_peer returns NGX_ERROR), whatever the errno; a connect() cut to "PEER failed" stays connect's 502.
    [InlineData("2017/03/30 21:27:44 [crit] 686#0: *271 bind(10.0.4.21) failed (22: Invalid argument) while connecting to upstream" + Sfx, "not_an_upstream_error", 500)]
    [InlineData("2017/03/30 21:27:44 [crit] 686#0: *271 bind(10.0.4.21) failed (99: Cannot assign requested address) while connecting to upstream" + Sfx, "not_an_upstream_error", 500)]
    [InlineData("2026/11/21 13:41:14 [alert] 6087#6087: *5 setsockopt(IP_TRANSPARENT) failed (1: Operation not permitted) while connecting to upstream" + Sfx, "not_an_upstream_error", 500)]
    [InlineData(P + "*5 to 127.0.0.1:8080 failed (99: Cannot assign requested address) while connecting to upstream" + Sfx, "ephemeral_port_exhaustion", 502)]
    // A cut connect() leaves a peer (an address or "unix:" and a path) before "failed"; a plain word there is a module's
    // own text borrowing the action: the third-party proxy_connect module's tunnel message is not nginx's connect().
    [InlineData(P + "*3 proxy_connect: upstream connect failed (111: Connection refused) while connecting to upstream, client: 10.0.0.9, server: , request: \"CONNECT example.com:443 HTTP/1.1\", host: \"example.com:443\"", "not_an_upstream_error", null)]
    [InlineData("proxy_connect: upstream connect time failed (111: Unknown error ) while connecting to upstream", "not_an_upstream_error", null)]
    [InlineData("unix:/run/php/php8.2-fpm.sock failed (111: Connection refused) while connecting to upstream", "upstream_down", 502)]
    // nginx for Windows: WSARecv()/WSASend() with Winsock errnos
    [InlineData(P + "*10 WSARecv() failed (10054: An existing connection was forcibly closed by the remote host) while reading response header from upstream" + Sfx, "connection_reset", 502)]
    [InlineData(P + "*10 WSARecv() failed (10054: An existing connection was forcibly closed by the remote host) while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData(P + "*10 WSASend() failed (10054: An existing connection was forcibly closed by the remote host) while sending request to upstream" + Sfx, "broken_pipe", 502)]
    // fd exhaustion (C4, C5)
    [InlineData("2026/11/21 13:41:14 [alert] 6087#6087: *1 socket() failed (24: Too many open files) while connecting to upstream, client: 127.0.0.1, server: , request: \"GET /x2 HTTP/1.1\", upstream: \"http://127.0.0.1:19001/x2\", host: \"127.0.0.1:18082\"", "fd_exhaustion", 500)]
    [InlineData("2026/11/21 13:41:14 [crit] 6087#6087: accept4() failed (24: No file descriptors available)", "fd_exhaustion", null)]
    [InlineData("2026/11/21 13:41:14 [alert] 6087#6087: *3 1024 worker_connections are not enough while connecting to upstream" + Sfx, "fd_exhaustion", 500)]
    // Quotes that lost action and suffix: socket() is the upstream connect's (500), a [crit] open() the static handler's (500);
    // accept4() and an [emerg] open() at start have no request.
    [InlineData("Symptom: 502, error: \"socket() failed (24: Too many open files)\"", "fd_exhaustion", 500)]
    [InlineData("[crit]  open() \"/var/www/html/index.html\" failed (24: Too many open files)", "fd_exhaustion", 500)]
    [InlineData("[emerg] open() \"/var/log/nginx/error.log\" failed (24: Too many open files)", "fd_exhaustion", null)]
    [InlineData("# Fix Nginx accept4() failed (24: Too many open files) requests", "fd_exhaustion", null)]
    [InlineData("2026/11/21 13:41:14 [alert] 6087#6087: socket() failed (24: Too many open files)", "fd_exhaustion", null)]
    // Timeouts (D1–D4)
    [InlineData(P + "*13 upstream timed out (110: Connection timed out) while connecting to upstream, client: 127.0.0.1, server: , request: \"GET /conntmo HTTP/1.1\", upstream: \"http://127.0.0.1:19106/conntmo\", host: \"127.0.0.1:18081\"", "upstream_timeout_connect", 504)]
    [InlineData(P + "*25 upstream timed out (110: Connection timed out) while SSL handshaking to upstream" + Sfx, "upstream_timeout_connect", 504)]
    [InlineData(P + "*25 upstream timed out (110: Operation timed out) while sending request to upstream" + Sfx, "upstream_timeout_send", 504)]
    [InlineData(P + "*11 upstream timed out (110: Connection timed out) while reading response header from upstream" + Sfx, "upstream_timeout_read", 504)]
    [InlineData(P + "*11 upstream timed out (110: Operation timed out) while reading response header from upstream" + Sfx, "upstream_timeout_read", 504)]
    [InlineData(P + "*11 upstream timed out (110: Connection timed out) while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData("2026/11/21 13:41:14 [info] 6087#6087: *1 upstream timed out (110: Connection timed out) while proxying upgraded connection" + Sfx, "response_truncated", null)]
    // Reads (R1, R3, R4) and writes (E1–E3)
    [InlineData(P + "*17 upstream prematurely closed connection while reading response header from upstream" + Sfx, "premature_close", 502)]
    [InlineData(P + "*27 upstream prematurely closed connection while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData(P + "*19 recv() failed (104: Connection reset by peer) while reading response header from upstream" + Sfx, "connection_reset", 502)]
    [InlineData(P + "*19 readv() failed (104: Connection reset by peer) while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData(P + "*19 recv() failed (110: Connection timed out) while reading response header from upstream" + Sfx, "upstream_timeout_read", 502)]
    [InlineData(P + "*19 SSL_read() failed (SSL: error:0A000119:SSL routines::decryption failed or bad record mac) while reading response header from upstream" + Sfx, "upstream_tls", 502)]
    [InlineData(P + "*19 writev() failed (32: Broken pipe) while sending request to upstream" + Sfx, "broken_pipe", 502)]
    [InlineData(P + "*19 writev() failed (104: Connection reset by peer) while sending request to upstream" + Sfx, "broken_pipe", 502)]
    [InlineData(P + "*19 sendfile() failed (32: Broken pipe) while sending request to upstream" + Sfx, "broken_pipe", 502)]
    [InlineData(P + "*19 SSL_write() failed (32: Broken pipe) while sending request to upstream" + Sfx, "broken_pipe", 502)]
    // An errno that names no other failure is the same failed send (round 108: mod_zip's subrequest body, EBADF at alert).
    [InlineData("2026/11/21 13:41:14 [alert] 6087#6087: *41 sendfile() failed (9: Bad file descriptor) while sending request to upstream" + Sfx, "broken_pipe", 502)]
    [InlineData(P + "*19 writev() failed (104: Connection reset by peer) while sending to client" + Sfx, "response_truncated", null)]
    // Balancer (B1, B2)
    [InlineData(P + "*6 no live upstreams while connecting to upstream, client: 127.0.0.1, server: test.local, request: \"GET /twodead?x=1 HTTP/1.1\", upstream: \"http://two_dead/twodead?x=1\", host: \"127.0.0.1:18080\", referrer: \"http://ref.example/\"", "no_live_upstreams", 502)]
    [InlineData("2026/11/21 13:41:14 [warn] 6087#6087: *3 upstream server temporarily disabled while connecting to upstream" + Sfx, "not_an_upstream_error", null)]
    // TLS (S1–S5)
    [InlineData(P + "*1 SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream, client: 127.0.0.1, server: , request: \"GET /tlswrongver HTTP/1.1\", upstream: \"https://127.0.0.1:19101/tlswrongver\", host: \"127.0.0.1:18081\"", "upstream_tls", 502)]
    [InlineData(P + "*1 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) while SSL handshaking to upstream" + Sfx, "upstream_tls", 502)]
    [InlineData(P + "*9 peer closed connection in SSL handshake (104: Connection reset by peer) while SSL handshaking to upstream" + Sfx, "upstream_tls", 502)]
    [InlineData(P + "*3 upstream SSL certificate verify error: (18:self-signed certificate) while SSL handshaking to upstream" + Sfx, "upstream_cert_invalid", 502)]
    [InlineData(P + "*5 upstream SSL certificate does not match \"other.test\" while SSL handshaking to upstream" + Sfx, "upstream_cert_invalid", 502)]
    [InlineData(P + "*5 upstream prematurely sent response while reading response header from upstream" + Sfx, "protocol_mismatch", 502)]
    [InlineData("2026/11/21 13:41:14 [crit] 6087#6087: *5 SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: 1.2.3.4, server: 0.0.0.0:443", "not_an_upstream_error", null)]
    // Headers (R2, H1–H7) and HTTP/0.9
    [InlineData(P + "*15 upstream sent too big header while reading response header from upstream" + Sfx, "header_too_big", 502)]
    [InlineData(P + "*13 upstream sent invalid header: \"Ba\\x01...\" while reading response header from upstream" + Sfx, "invalid_header", 502)]
    [InlineData(P + "*11 upstream sent invalid \"Content-Length\" header: \"Content-Length: abc\" while reading response header from upstream" + Sfx, "invalid_header", 502)]
    [InlineData(P + "*31 upstream sent \"Content-Length\" and \"Transfer-Encoding\" headers at the same time while reading response header from upstream" + Sfx, "invalid_header", 502)]
    [InlineData(P + "*3 upstream sent duplicate header line: \"Content-Length: 3\", previous value: \"Content-Length: 2\" while reading response header from upstream" + Sfx, "invalid_header", 502)]
    [InlineData("2026/11/21 13:41:14 [warn] 6087#6087: *5 upstream sent duplicate header line: \"Expires: 1\", previous value: \"Expires: 0\", ignored while reading response header from upstream" + Sfx, "not_an_upstream_error", null)]
    // Only a repeated Content-Length or Transfer-Encoding is refused: a quote that lost ", ignored" still names the header.
    [InlineData("[warn] ... upstream sent duplicate header line: \"date: ...\", previous value: \"Date: ...\", ignored ... request: \"GET /ws ...\"", "not_an_upstream_error", null)]
    [InlineData("nginx may log `upstream sent duplicate header line: date` on the handshake", "not_an_upstream_error", null)]
    [InlineData("nginx may log `upstream sent duplicate header line: transfer-encoding` on the handshake", "invalid_header", 502)]
    [InlineData("upstream sent duplicate header line: \"Content-Length: 3\", previous value: \"Content-Length: 2\"", "invalid_header", 502)]
    [InlineData(P + "*7 upstream sent HTTP/1.0 response with early hints while reading response header from upstream" + Sfx, "invalid_header", 502)]
    [InlineData(P + "*9 upstream sent unknown \"Transfer-Encoding\": \"gzip\" while reading response header from upstream" + Sfx, "invalid_header", 502)]
    [InlineData(P + "*9 upstream sent invalid status \"abc\" while reading response header from upstream" + FcgiSfx, "invalid_header", 502)]
    [InlineData(P + "*29 upstream sent no valid HTTP/1.0 header while reading response header from upstream" + Sfx, "protocol_mismatch", 9)]
    [InlineData(P + "*33 upstream sent invalid chunked response while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData(P + "*35 upstream sent invalid chunked response while reading response header from upstream" + Sfx, "response_truncated", null)]
    // FastCGI (F1–F7)
    [InlineData(P + "*21 upstream sent unsupported FastCGI protocol version: 72 while reading response header from upstream, client: 127.0.0.1, server: , request: \"GET / HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:19006\", host: \"x\"", "fastcgi_protocol_mismatch", 502)]
    [InlineData(P + "*28 upstream sent unexpected FastCGI record: 3 while reading response header from upstream" + FcgiSfx, "fastcgi_protocol_mismatch", 502)]
    [InlineData(P + "*28 upstream sent invalid FastCGI record type: 9 while reading response header from upstream" + FcgiSfx, "fastcgi_protocol_mismatch", 502)]
    [InlineData(P + "*30 upstream prematurely closed FastCGI stdout while reading response header from upstream" + FcgiSfx, "premature_close", 502)]
    [InlineData(P + "*30 upstream prematurely closed FastCGI request while reading upstream" + FcgiSfx, "response_truncated", null)]
    [InlineData(P + "*32 FastCGI sent in stderr: \"Primary script unknown\" while reading response header from upstream" + FcgiSfx, "fastcgi_script_not_found", 404)]
    [InlineData(P + "*32 FastCGI sent in stderr: \"PHP message: PHP Warning:  Undefined variable $x in /var/www/a.php on line 2\" while reading response header from upstream" + FcgiSfx, "not_an_upstream_error", null)]
    // PHP-FPM's security.limit_extensions refusal is its 403, also when the quote is cut after the script's name.
    [InlineData(P + "*32 FastCGI sent in stderr: \"Access to the script '/var/www/up/a.jpg' has been denied (see security.limit_extensions)\" while reading response header from upstream" + FcgiSfx, "not_an_upstream_error", 403)]
    [InlineData("FastCGI sent in stderr: \"Access to the script '/usr/local/nginx/html/test.jpg '", "not_an_upstream_error", 403)]
    [InlineData(P + "*32 FastCGI sent in stderr: \"PHP message: PHP Warning:  Access to the script cache is slow in /var/www/a.php on line 2\" while reading response header from upstream" + FcgiSfx, "not_an_upstream_error", null)]
    // fcgiwrap's cgi_error("403 Forbidden", ...): no script to run, or a script not on its allowed list.
    [InlineData(P + "*9 FastCGI sent in stderr: \"Cannot get script name, are DOCUMENT_ROOT and SCRIPT_NAME (or SCRIPT_FILENAME) set and is the script executable?\" while reading response header from upstream" + FcgiSfx, "not_an_upstream_error", 403)]
    [InlineData(P + "*9 FastCGI sent in stderr: \"The given script is not allowed to execute\" while reading response header from upstream" + FcgiSfx, "not_an_upstream_error", 403)]
    // fcgiwrap's other cgi_error 403s: a script name that is no full path, a directory it cannot enter.
    [InlineData(P + "*9 FastCGI sent in stderr: \"Cannot chdir to script directory (/srv/cgi-bin/t.cgi)\" while reading response header from upstream" + FcgiSfx, "not_an_upstream_error", 403)]
    [InlineData(P + "*9 FastCGI sent in stderr: \"Script name must be a fully qualified path (t.cgi)\" while reading response header from upstream" + FcgiSfx, "not_an_upstream_error", 403)]
    // git http-backend behind fcgiwrap: not_found() answers 404, forbidden() 403, each text written to stderr after the status.
    [InlineData(P + "*4 FastCGI sent in stderr: \"Request not supported: '/srv/git/a.git'\" while reading response header from upstream" + FcgiSfx, "not_an_upstream_error", 404)]
    [InlineData(P + "*4 FastCGI sent in stderr: \"Repository not exported: '/srv/git/a.git'\" while reading response header from upstream" + FcgiSfx, "not_an_upstream_error", 404)]
    [InlineData(P + "*4 FastCGI sent in stderr: \"Service not enabled: 'receive-pack'\" while reading response header from upstream" + FcgiSfx, "not_an_upstream_error", 403)]
    // git's own fatal error through the same stderr decides no status by itself.
    [InlineData(P + "*4 FastCGI sent in stderr: \"fatal: 'HEAD' is a symref but it is not?\" while reading response header from upstream" + FcgiSfx, "not_an_upstream_error", null)]
    // gRPC / HTTP/2 (K)
    [InlineData(P + "*23 upstream sent too large http2 frame: 4740180 while reading response header from upstream, client: 127.0.0.1, server: , request: \"POST /x HTTP/2.0\", upstream: \"grpc://127.0.0.1:19006\", host: \"x\"", "protocol_mismatch", 502)]
    [InlineData(P + "*23 upstream sent too large http2 header while reading response header from upstream" + Sfx, "header_too_big", 502)]
    [InlineData(P + "*23 upstream rejected request with error 2 while reading response header from upstream" + Sfx, "invalid_header", 502)]
    [InlineData(P + "*23 upstream sent goaway with error 1 while reading response header from upstream" + Sfx, "invalid_header", 502)]
    // K11 comes from the gRPC body filter, after the header went out, even under the header-phase action (non-buffered);
    // the second line is what nginx 1.22.1 wrote in the lab (tests/Lab/captured/grpc_stream_closed.log), status 200.
    [InlineData(P + "*23 upstream prematurely closed stream while reading response header from upstream" + Sfx, "response_truncated", null)]
    [InlineData("2026/11/22 06:06:38 [error] 3461#3461: *54 upstream prematurely closed stream while reading response header from upstream, client: 127.0.0.1, server: lab.local, request: \"GET /grpc_stream_closed?lab=26 HTTP/1.1\", upstream: \"grpc://127.0.0.1:40209\", host: \"127.0.0.1:39249\"", "response_truncated", null)]
    [InlineData(P + "*23 upstream prematurely closed stream while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData(P + "*23 upstream violated stream flow control, received 100 data frame with window 10 while reading upstream" + Sfx, "response_truncated", null)]
    // Every "upstream violated ..." is a flow-control check on DATA frames (body phase), also quoted with the two merged.
    [InlineData(P + "*23 upstream violated connection flow control, received 9000 data frame with window 100 while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData("| 502 | `upstream violated stream/connection flow control` | protocol violation |", "response_truncated", null)]
    [InlineData("| 502 | `upstream sent invalid header` / `no :status header` | not real HTTP/2 |", "invalid_header", 502)]
    // A Lua cosocket's handshake (lua-nginx-module's ", context: ngx.timer") is not the upstream module's; the same
    // failure at error level with a connection number and no action still is.
    [InlineData("2019/01/29 01:21:52 [error] 201#201: *2 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number), context: ngx.timer", "not_an_upstream_error", null)]
    [InlineData("2019/01/29 01:21:52 [error] 201#201: *2 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number), context: ngx.timer, client: 127.0.0.1, server: 0.0.0.0:80", "not_an_upstream_error", null)]
    [InlineData("2019/01/29 01:21:52 [error] 201#201: *2 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number)", "upstream_tls", 502)]
    // S1's reason group cut to OpenSSL's function and reason (a 1.0-era book's "SSL3_GET_FINISHED:digest check failed"):
    // at error level with a connection number it is the upstream's handshake, at info (a client's) or quoted alone it is not.
    [InlineData("2012/11/29 21:26:51 [error] 3446#0: *2849 SSL3_GET_FINISHED:digest check failed", "upstream_tls", 502)]
    [InlineData("2014/01/10 10:00:00 [error] 3446#0: *7 SSL23_GET_SERVER_HELLO:unknown protocol while SSL handshaking to upstream" + Sfx, "upstream_tls", 502)]
    [InlineData("2012/11/29 21:26:51 [info] 3446#0: *2849 SSL3_GET_CLIENT_HELLO:wrong version number", "not_an_upstream_error", null)]
    [InlineData("SSL23_GET_SERVER_HELLO:unknown protocol", "not_an_upstream_error", null)]
    [InlineData("2012/11/29 21:26:51 [error] 3446#0: *2849 SSL3_GET_FINISHED digest check failed", "not_an_upstream_error", null)]
    // A cosocket's handshake inside a request: the request's suffix with neither the upstream module's action nor its
    // upstream field; with either (or the action left in the text after a stray quote) it is the upstream's.
    [InlineData("2016/03/08 10:00:00 [error] 4733#0: *1 peer closed connection in SSL handshake, client: 172.16.48.28, server: localhost, request: \"POST /lua/index HTTP/1.1\", host: \"172.16.48.31\"", "not_an_upstream_error", null)]
    [InlineData("2016/03/08 10:00:00 [error] 4733#0: *1 peer closed connection in SSL handshake while SSL handshaking to upstream, client: 172.16.48.28, server: localhost, request: \"POST /lua/index HTTP/1.1\", upstream: \"https://10.0.0.5:443/lua/index\", host: \"172.16.48.31\"", "upstream_tls", 502)]
    [InlineData("2016/03/08 10:00:00 [error] 4733#0: *1 peer closed connection in SSL handshake, client: 172.16.48.28, server: localhost, request: \"POST /lua/index HTTP/1.1\", upstream: \"https://10.0.0.5:443/lua/index\", host: \"172.16.48.31\"", "upstream_tls", 502)]
    // memcached (M)
    [InlineData(P + "*1 memcached sent invalid response: \"ERROR\" while reading response header from upstream" + Sfx, "invalid_header", 502)]
    [InlineData("2026/11/21 13:41:14 [info] 6087#6087: *1 key: \"/x\" was not found by memcached while reading response header from upstream" + Sfx, "not_an_upstream_error", 404)]
    // Resolution (A1, A2, resolver internals)
    [InlineData(P + "*39 no resolver defined to resolve nonexistent.invalid, client: 127.0.0.1, server: test.local, request: \"GET /noresolver?x=1 HTTP/1.1\", host: \"127.0.0.1:18080\", referrer: \"http://ref.example/\"", "no_resolver", 502)]
    // A1 logged before the upstream connection exists carries the request's own action ("sending to client"): still the
    // request's 502; OCSP stapling's lookup (no request) stays foreign.
    [InlineData(P + "*2 no resolver defined to resolve openai.example while sending to client, client: 172.17.0.1, server: a, request: \"GET /api/ HTTP/1.1\", host: \"localhost\"", "no_resolver", 502)]
    [InlineData(P + "no resolver defined to resolve r3.o.lencr.org while requesting certificate status, responder: r3.o.lencr.org, certificate: \"/etc/nginx/certs/a.crt\"", "not_an_upstream_error", null)]
    // The same action on a quote cut to its level is still the client connection's; a prefix that kept its pid but no
    // connection number is no request's.
    [InlineData("[error] could not be resolved (110: Operation timed out) while sending to client", "dns_resolution", 502)]
    [InlineData("[error] no resolver defined to resolve api.internal while sending to client", "no_resolver", 502)]
    [InlineData(P + "api.internal could not be resolved (110: Operation timed out) while sending to client", "not_an_upstream_error", null)]
    // lua-nginx-module's cosocket error quotes the name ("no resolver defined to resolve \"%V\""); nginx's own A1 does not.
    // Quoted alone it is the Lua code's error; with a request's suffix it stays the request's 502.
    [InlineData("and get err `no resolver defined to resolve \"api.example.org\"?`", "not_an_upstream_error", null)]
    [InlineData("no resolver defined to resolve api.example.org", "no_resolver", 502)]
    [InlineData(P + "*3 no resolver defined to resolve \"api.example.org\", client: 10.0.0.1, server: a, request: \"GET / HTTP/1.1\", host: \"a\"", "no_resolver", 502)]
    [InlineData(P + "*40 nonexistent.invalid could not be resolved (110: Operation timed out), client: 127.0.0.1, server: test.local, request: \"GET /resolvetimeout?x=1 HTTP/1.1\", host: \"127.0.0.1:18080\", referrer: \"http://ref.example/\"", "dns_resolution", 502)]
    [InlineData(P + "*40 backend.internal could not be resolved (3: Host not found), client: 127.0.0.1, server: a, request: \"GET / HTTP/1.1\", host: \"a\"", "dns_resolution", 502)]
    [InlineData(P + "send() failed (111: Connection refused) while resolving, resolver: 127.0.0.1:15353", "dns_resolution", 502)]
    // "DNS error (%ui: %s), query id:%ui": the parser splits "(2: Server failure)" off as the errno group
    [InlineData(P + "DNS error (2: Server failure), query id:31337, name:\"api.internal\"", "dns_resolution", 502)]
    [InlineData(P + "wrong ident 4242 in DNS response for api.internal, expect 17", "dns_resolution", 502)]
    // Limits and client aborts (§2.M)
    [InlineData(P + "*1 limiting requests, excess: 10.500 by zone \"one\", client: 1.2.3.4, server: a, request: \"GET / HTTP/1.1\", host: \"a\"", "rate_limited", 503)]
    [InlineData(P + "*1 limiting connections by zone \"addr\", client: 1.2.3.4, server: a, request: \"GET / HTTP/1.1\", host: \"a\"", "rate_limited", 503)]
    [InlineData("2026/11/21 13:41:14 [info] 6087#6087: *1 client prematurely closed connection, so upstream connection is closed too while sending request to upstream" + Sfx, "client_abort", 499)]
    [InlineData("2026/11/21 13:41:14 [info] 6087#6087: *1 client closed connection while waiting for request, client: 1.2.3.4, server: 0.0.0.0:80", "client_abort", null)]
    // Not upstream
    [InlineData(P + "*1 open() \"/usr/share/nginx/html/favicon.ico\" failed (2: No such file or directory), client: 1.2.3.4, server: a, request: \"GET /favicon.ico HTTP/1.1\", host: \"a\"", "not_an_upstream_error", 404)]
    [InlineData(P + "*1 client intended to send too large body: 2000000 bytes, client: 1.2.3.4, server: a, request: \"POST /u HTTP/1.1\", host: \"a\"", "not_an_upstream_error", 413)]
    // Request-line and header errors (ngx_http_request.c): finalized with 400, 414, 505
    [InlineData("2026/11/21 14:15:44 [info] 12236#12236: *41 client sent invalid request while reading client request line, client: 127.0.0.1, server: http.lab.local, request: \"PRI * HTTP/2.0\"", "not_an_upstream_error", 400)]
    [InlineData("2026/11/21 13:41:14 [info] 1#1: *3 client sent invalid method while reading client request line, client: 1.2.3.4, server: a, request: \"\\x16\\x03\\x01\"", "not_an_upstream_error", 400)]
    [InlineData("2026/11/21 13:41:14 [info] 1#1: *3 client sent too long URI while reading client request line, client: 1.2.3.4, server: a", "not_an_upstream_error", 414)]
    [InlineData("2026/11/21 13:41:14 [info] 1#1: *3 client sent invalid version while reading client request line, client: 1.2.3.4, server: a, request: \"GET / HTTP/9.9\"", "not_an_upstream_error", 505)]
    [InlineData("2026/11/21 13:41:14 [info] 1#1: *3 client sent HTTP/1.1 request without \"Host\" header while reading client request headers, client: 1.2.3.4, server: a, request: \"GET / HTTP/1.1\"", "not_an_upstream_error", 400)]
    [InlineData("2026/11/21 13:41:14 [info] 1#1: *3 client sent plain HTTP request to HTTPS port while reading client request headers, client: 1.2.3.4, server: a, request: \"GET / HTTP/1.1\", host: \"a:443\"", "not_an_upstream_error", 400)]
    [InlineData("2026/11/21 13:41:14 [error] 1948#13972: *1 CreateFile() \"C:/nginx/html/favicon.ico\" failed (2: The system cannot find the file specified), client: 1.2.3.4, server: a, request: \"GET /favicon.ico HTTP/1.1\", host: \"a\"", "not_an_upstream_error", 404)]
    // connect() of a module inside the request (a Lua cosocket): whole suffix, no action, no upstream; with them it is the upstream's
    [InlineData("2026/11/21 13:41:14 [crit] 6087#6087: *1 connect() to unix:/run/x.sock failed (2: No such file or directory), client: 1.2.3.4, server: a, request: \"GET / HTTP/1.1\", host: \"a\"", "not_an_upstream_error", null)]
    [InlineData("2026/11/21 13:41:14 [crit] 6087#6087: *1 connect() to unix:/run/x.sock failed (2: No such file or directory) while connecting to upstream, client: 1.2.3.4, server: a, request: \"GET / HTTP/1.1\", host: \"a\"", "unix_socket_missing", 502)]
    [InlineData("2026/11/21 13:41:14 [crit] 6087#6087: *1 connect() to unix:/run/x.sock failed (2: No such file or directory), client: 1.2.3.4, server: a, request: \"GET / HTTP/1.1\", upstream: \"fastcgi://unix:/run/x.sock:\", host: \"a\"", "unix_socket_missing", 502)]
    [InlineData("2026/11/21 13:41:14 [notice] 6087#6087: signal process started", "not_an_upstream_error", null)]
    [InlineData("this is not a log line at all", "not_an_upstream_error", null)]
    // Pasted without the time, or as the bare message (common in bug reports and chat)
    [InlineData("[error] 822#0: *1 upstream sent too big header while reading response header from upstream, client: 172.28.128.1, server: , request: \"GET /app_dev.php HTTP/1.1\", upstream: \"fastcgi://unix://tmp/php-server-socket:\"", "header_too_big", 502)]
    [InlineData("connect() to unix:/var/run/php/php7.4-fpm.sock failed (13: Permission denied)", "unix_socket_permission", 502)]
    [InlineData("connect() to 127.0.0.1:9000 failed (111: Connection refused)", "upstream_down", 502)]
    [InlineData("upstream timed out (110: Connection timed out) while reading response header from upstream", "upstream_timeout_read", 504)]
    [InlineData("*2286 upstream prematurely closed connection while reading response header from upstream, client: xx.XX.XX.XX , server: localhost, request: \"POST /xmlrpc.php HTTP/1.1\", upstream: \"http://xxx.xxx.xx.xxx:8080/xmlrpc.php\", host: \"example.com\"", "premature_close", 502)]
    // A bare quote has lost the prefix that tells a request's A2 from 1.27.3+'s background re-resolution; the latter keeps
    // its prefix in any paste, so a bare quote is the request's: 502 like the bare connect() lines above.
    [InlineData("backend.internal could not be resolved (3: Host not found)", "dns_resolution", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 6087#6087: backend.internal could not be resolved (3: Host not found)", "dns_resolution", null)]
    // An issue title: prose, then the message capitalised with nothing to open it; the upstream action anchors it
    [InlineData("Random 502s Upstream timed out (110: Connection timed out) while reading response header from upstream", "upstream_timeout_read", 504)]
    [InlineData("why does upstream timed out happen so often", "not_an_upstream_error", null)]
    [InlineData("日志报错：no live upstreams while connecting to upstream", "no_live_upstreams", 502)]
    // C5 as reporters write it: the count glued to prose or dropped, the directive in backticks
    [InlineData("Nginx: `worker_connections` are not enough while connecting to upstream", "fd_exhaustion", 500)]
    [InlineData("2023/09/19 07:29:36 [alert] 73#0: 16384 worker_connections are not enough", "fd_exhaustion", null)]
    [InlineData("we raised worker_connections because the old value was not enough", "not_an_upstream_error", null)]
    // ngx_drain_connections' warning, its words going on after "not enough" (also in the singular, the count dropped)
    [InlineData("2026/03/25 15:05:30 [warn] 12345#12345: 1024 worker_connections are not enough, reusing connections", "fd_exhaustion", null)]
    [InlineData("2026/03/25 15:05:30 [emerg] 12345#12345: worker_connections are not enough, reusing connection", "fd_exhaustion", null)]
    [InlineData("our connection pools are not enough, reusing connections helps", "not_an_upstream_error", null)]
    // C5 quoted in a title with the writer's words after the closing quote; its action, when quoted, still counts
    [InlineData("Getting \"512 worker_connections are not enough\" on High Load", "fd_exhaustion", null)]
    [InlineData("they logged '1024 worker_connections are not enough' twice", "fd_exhaustion", null)]
    [InlineData("Getting \"512 worker_connections are not enough while connecting to upstream\" today", "fd_exhaustion", 500)]
    // C5 unquoted in a sentence with the writer's words going on after it (no action follows, so no status)
    [InlineData("im getting 512 worker_connections are not enough in the error log do what you must", "fd_exhaustion", null)]
    [InlineData("we saw 512 worker_connections are not enough while connecting to upstream", "fd_exhaustion", 500)]
    // A message quoted in backticks with prose after the closing one; the record going on after it is kept
    [InlineData("- right after: `connect() failed (111: Connection refused)` (on `GET /api/x`)", "upstream_down", 502)]
    [InlineData("`upstream timed out (110: Connection timed out)` while reading response header from upstream", "upstream_timeout_read", 504)]
    [InlineData("`connect() to unix:/run/app.sock failed (13: Permission denied)` when nginx runs as `nginx`", "unix_socket_permission", 502)]
    // A pair quoting something else first (a command) is passed over: the message's own pair ends it
    [InlineData("   - `sudo docker logs proxy | tail -n 40` – reveals `connect() failed (111)` errors that correlate with the 502s.", "upstream_down", 502)]
    [InlineData("   - `docker logs proxy` shows `upstream timed out (110: Connection timed out)` (on `GET /api/ds/query`)", "upstream_timeout_read", 504)]
    [InlineData("   - `docker logs proxy` shows nothing but `grep 502` finds the access lines", "not_an_upstream_error", null)]
    // The errno group kept only its number ("(111)"): read after the failure words nginx puts a group after
    [InlineData(P + "*1 connect() failed (111) while connecting to upstream, client: 1.2.3.4, server: a, request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:3000/\", host: \"a\"", "upstream_down", 502)]
    [InlineData(P + "*1 recv() failed (104) while reading response header from upstream, client: 1.2.3.4, server: a, request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:3000/\", host: \"a\"", "connection_reset", 502)]
    // Two records quoted in one sentence, each from the socket path on (the call dropped): the first quote is the record
    [InlineData("see `unix:/run/php-fpm/www.sock failed (2: No such file or directory) while connecting to upstream` or `unix:/run/php-fpm/www.sock failed (13: Permission denied) while connecting to upstream`.", "unix_socket_missing", 502)]
    [InlineData("see `unix:/run/php-fpm/www.sock failed (13: Permission denied) while connecting to upstream` or `unix:/run/php-fpm/www.sock failed (2: No such file or directory) while connecting to upstream`.", "unix_socket_permission", 502)]
    [InlineData("the socket `unix:/run/php-fpm/www.sock` is missing, see the unit", "not_an_upstream_error", null)]
    // connect()'s record cut down to the socket's path and the errno group, the action gone too, also inside prose; the
    // same words without nginx's errno group are not a record
    [InlineData("/var/run/php/php7.2-fpm.sock failed (2: No such file in directory)", "unix_socket_missing", 502)]
    [InlineData("unix:/home/app/gunicorn.sock failed (13: Permission denied) ", "unix_socket_permission", 502)]
    [InlineData("we saw /run/app.sock failed (13: Permission denied) yesterday", "unix_socket_permission", 502)]
    [InlineData("we saw /run/app.sock fail with a permission error yesterday", "not_an_upstream_error", null)]
    [InlineData("/etc/nginx/site.sock failed to open, see the docs", "not_an_upstream_error", null)]
    [InlineData("**Error: `php8.3-fpm.sock failed (2: No such file or directory)`**", "unix_socket_missing", 502)]
    [InlineData("the app.sock failed to start after the upgrade", "not_an_upstream_error", null)]
    // A paste that lost the space after "while": the action is still read
    [InlineData("2019/11/29 15:00:13 [crit] 8894#8894: *697 connect() to unix:/run/php/php7.2-fpm.sock failed (2: No such file or directory) whileconnecting to upstream, client: 192.168.12.28, server: _", "unix_socket_missing", 502)]
    [InlineData("2019/11/29 15:00:13 [error] 8894#8894: *697 recv() failed (104: Connection reset by peer) whilereading response header from upstream, client: 192.168.12.28, server: _", "connection_reset", 502)]
    // ... or the space before it, right after the errno group (round 112: szurubooru's compose paste)
    [InlineData("frontend_1       | 2018/12/23 00:22:59 [error] 7#7: *4 connect() failed (111: Connection refused)while connecting to upstream, client: 192.168.1.9, server: , request: \"GET /api/info HTTP/1.1\", upstream: \"http://10.0.0.2:6666/info\", host: \"192.168.1.22:8080\"", "upstream_down", 502)]
    [InlineData("2019/11/29 15:00:13 [error] 8894#8894: *697 upstream timed out (110: Connection timed out)while reading response header from upstream, client: 192.168.12.28, server: _", "upstream_timeout_read", 504)]
    // A terminal's wrap inside "while", its row padding pasted as a run of blanks (round 99: Weblate's image): the action
    // is still read
    [InlineData("weblate_1   | nginx stderr | 2021/12/19 20:33:47 [crit] 254#254: *3 connect() to unix:/run/gunicorn/app/weblate/socket failed (2: No such file or directory) whi                                                                       le connecting to upstream, client: (MY_IP_ADDRESS), server: , request: \"GET / HTTP/1.1\", upstream: \"http://unix:/run/gunicorn/app/weblate/socket:/\", host: \"transl                                                                       ate.queensbrothel.com\"", "unix_socket_missing", 502)]
    [InlineData("2019/11/29 15:00:13 [error] 8894#8894: *697 recv() failed (104: Connection reset by peer) wh                         ile reading response header from upstream, client: 192.168.12.28, server: _", "connection_reset", 502)]
    [InlineData("2019/11/29 15:00:13 [error] 8894#8894: *697 upstream timed out (110: Connection timed out) whil                    e connecting to upstream, client: 192.168.12.28, server: _", "upstream_timeout_connect", 504)]
    // Titles: the message capitalised with nothing before it; only C1's errno group and action left behind a word
    [InlineData("No live upstreams while connecting to upstream", "no_live_upstreams", 502)]
    [InlineData("Upstream timed out (110: Connection timed out) while reading response header from upstream", "upstream_timeout_read", 504)]
    [InlineData("NGINX (111: Connection refused) while connecting to upstream", "upstream_down", 502)]
    [InlineData("Nginx (111: Connection refused) errors after the upgrade", "not_an_upstream_error", null)]
    [InlineData("No live upstreams again today", "not_an_upstream_error", null)]
    // PHP-FPM's answer quoted from its opening quote on, nginx's "FastCGI sent in stderr: " dropped; the words unquoted stay prose
    [InlineData("\"Primary script unknown\" while reading response header from upstream", "fastcgi_script_not_found", 404)]
    [InlineData("\"Primary script unknown\"", "fastcgi_script_not_found", 404)]
    [InlineData("* Primary script unknown\" while reading response header from upstream, then prose", "fastcgi_script_not_found", 404)]
    // PHP-FPM's "Unable to open primary script" quoted alone the same way, blanks around it (round 110: dujiaoka); EACCES 403
    [InlineData(" \"Unable to open primary script: /root/app/public/index.php (No such file or directory)\" ", "fastcgi_script_not_found", 404)]
    [InlineData("\"Unable to open primary script: /srv/app/index.php (Permission denied)\" while reading response header from upstream", "fastcgi_script_not_found", 403)]
    [InlineData("Unable to open primary script since the move", "not_an_upstream_error", null)]
    // PHP-FPM's limit_extensions refusal quoted from its own words on, alone and inside a sentence (round 90: Ajenti-V); the
    // words without the script's quoted name stay prose
    [InlineData("Access to the script '/srv/example/index.txt' has been denied (see security.limit_extensions)", "not_an_upstream_error", 403)]
    [InlineData("always show Access denied. The nginx error log is  \"Access to the script '/srv/phpMyAdmin' has been denied (see security.limit_extensions) ... \". OS: Ubuntu16.04 / php7.0-fpm.", "not_an_upstream_error", 403)]
    [InlineData("Access to the script is denied by our WAF, see the ticket", "not_an_upstream_error", null)]
    // Chinese and Japanese prose quotes in corner brackets: the bracket opens the message and its pair ends it
    [InlineData("error.log 显示「upstream timed out」——后端处理太慢", "upstream_timeout_read", 504)]
    [InlineData("nginx 看到「upstream timed out while connecting」而不是「connection refused」的原因。", "upstream_timeout_connect", 504)]
    [InlineData("他说「今天很好」然后走了", "not_an_upstream_error", null)]
    // The suffix cut to a Unicode ellipsis and the writer's closing quote after the action: the action still counts
    [InlineData("## Error 2: “upstream timed out (110: Connection timed out) while connecting to upstream,…..”", "upstream_timeout_connect", 504)]
    [InlineData("Primary script unknown errors since the move", "not_an_upstream_error", null)]
    // The upstream handshake's action cut by the paste, with and without the record's head; the client's own is shorter
    [InlineData("2019/01/01 10:00:00 [error] 5#5: *1 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) while SSL handshaking to u, client: 1.2.3.4, server: s, request: \"POST /x HTTP/1.1\", upstream: \"https://127.0.0.1:5661/x\", host: \"h\"", "upstream_tls", 502)]
    [InlineData("*1 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) while SSL handshaking to ups, client: 1.2.3.4, server: s, request: \"POST /x HTTP/1.1\", upstream: \"https://127.0.0.1:5661/x\", host: \"h\"", "upstream_tls", 502)]
    [InlineData("*1 SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: 1.2.3.4, server: 0.0.0.0:443", "not_an_upstream_error", null)]
    public void Line_GetsCauseAndStatus(string line, string cause, int? status)
    {
        var record = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal(cause, record.Cause);
        Assert.Equal(status, record.Status);
    }

    [Fact]
    public void MessageQuotedInTheSecondBacktickPair_EndsAtItsClosingBacktick()
    {
        // The first pair quotes a command; the message's own pair ends the message, so its errno group is read.
        var r = Assert.Single(DiagnosisEngine.Analyze("   - `docker logs proxy` shows `upstream timed out (110: Connection timed out)` lines (on `GET /api/ds/query`)").Records);
        Assert.Equal("upstream timed out", r.Message);
        Assert.Equal(110, r.Errno);
    }

    [Fact]
    public void ErrnoGroupWithOnlyItsNumber_IsReadAfterFailed_NotAfterOtherWords()
    {
        var failed = Assert.Single(DiagnosisEngine.Analyze(P + "*1 connect() failed (111) while connecting to upstream, client: 1.2.3.4, server: a").Records);
        Assert.Equal(111, failed.Errno);
        Assert.Equal("connect() failed", failed.Message);

        // A count in parentheses after other words is part of the message, not an errno.
        var count = Assert.Single(DiagnosisEngine.Analyze(P + "*1 upstream sent more data than specified in \"Content-Length\" header (2) while reading upstream, client: 1.2.3.4, server: a").Records);
        Assert.Null(count.Errno);
    }

    [Fact]
    public void Suffix_WithQuotesInsideRequestAndReferrer_IsSplitOnKnownKeys()
    {
        const string line = P + "*7 connect() failed (111: Connection refused) while connecting to upstream, client: 10.1.2.3, server: shop.example, request: \"GET /search?q=\"a, b\" HTTP/1.1\", upstream: \"http://10.0.0.7:8080/search?q=\"a, b\"\", host: \"shop.example\", referrer: \"https://x/?\"q\"\"";
        var r = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal("GET /search?q=\"a, b\" HTTP/1.1", r.Request);
        Assert.Equal("10.0.0.7:8080", r.UpstreamTarget);
        Assert.Equal("shop.example", r.Host);
        Assert.Equal("https://x/?\"q\"", r.Referrer);
        Assert.Equal(111, r.Errno);
        Assert.Equal("connecting to upstream", r.Action);
        Assert.Equal(7, r.ConnectionId);
    }

    [Fact]
    public void Suffix_WithACommaInServerAndAQuoteCommaInRequest_IsSplitOnKnownKeys()
    {
        const string line = P + "*7 connect() failed (111: Connection refused) while connecting to upstream, client: 10.1.2.3, server: shop.example,www, request: \"GET /q?a=\", b\" HTTP/1.1\", upstream: \"http://10.0.0.7:8080/\", host: \"shop.example\"";
        var r = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal("10.1.2.3", r.Client);
        Assert.Equal("shop.example,www", r.Server);
        Assert.Equal("GET /q?a=\", b\" HTTP/1.1", r.Request);
        Assert.Equal("10.0.0.7:8080", r.UpstreamTarget);
        Assert.Equal("shop.example", r.Host);
    }

    [Fact]
    public void StreamLine_KeepsCauseWithoutHttpStatus()
    {
        const string line = P + "*5 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: 0.0.0.0:5433, upstream: \"127.0.0.1:5432\", bytes from/to client:0/0, bytes from/to upstream:0/0";
        var r = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal("upstream_down", r.Cause);
        Assert.Null(r.Status);
        Assert.Equal(Records.RecordKind.NginxStream, r.Kind);
        Assert.Equal("127.0.0.1:5432", r.UpstreamTarget);
    }

    [Theory]
    // H3 cut before ", ignored": only a repeated Content-Length or Transfer-Encoding fails the response.
    [InlineData("`upstream sent duplicate header line: \"Date: ...\"`, ~100 warnings/hour", "not_an_upstream_error", null)]
    [InlineData("upstream sent duplicate header line: \"server: uvicorn\", previous value: \"Server: nginx\"", "not_an_upstream_error", null)]
    [InlineData("upstream sent duplicate header line: \"transfer-encoding: chunked\", previous value: \"Transfer-Encoding: chunked\"", "invalid_header", 502)]
    [InlineData("`upstream sent duplicate header line: \"Content-Length: 302\"` on every POST", "invalid_header", 502)]
    public void DuplicateHeaderLineCutBeforeItsEnd_HeaderNameDecides(string line, string cause, int? status)
    {
        var record = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal(cause, record.Cause);
        Assert.Equal(status, record.Status);
    }
}
