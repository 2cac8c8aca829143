using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Remediation;

/// <summary>
/// Per cause id: what it means, what usually causes it, and the commands to check and fix it, filled in with the
/// finding's real target, port, socket path, upstream block, server name and pool. Commands are read-only checks
/// first; changes name the directive to edit and end with <c>nginx -t &amp;&amp; systemctl reload nginx</c>.
/// </summary>
public static class RemediationCatalog
{
    private const string Reload = "nginx -t && systemctl reload nginx";

    /// <param name="t">The finding's target; empty when its records name none (a message pasted without its suffix): the
    /// text then says "the upstream", and the commands find the *_pass directives or keep a placeholder (HOST, PORT,
    /// SOCKET) instead of searching for an empty string.</param>
    public static Advice For(string cause, TargetParts t, string? scheme, string? server, string? pool)
    {
        var advice = ForCause(cause, t, scheme, server, pool);
        return advice.Meaning.StartsWith(UnknownTarget, StringComparison.Ordinal)
            ? advice with { Meaning = "The" + advice.Meaning[3..] }
            : advice;
    }

    private const string UnknownTarget = "the upstream";

    private static Advice ForCause(string cause, TargetParts t, string? scheme, string? server, string? pool)
    {
        var named = t.Raw.Length > 0;
        var target = named ? t.Raw : UnknownTarget;
        var port = t.Port ?? "PORT";
        var host = t.Host ?? "HOST";
        var sock = t.SocketPath ?? target;
        var sockArg = t.SocketPath ?? (named ? t.Raw : "SOCKET");
        var where = server is null ? "the server block" : $"the server block for {server}";
        var grepTarget = named ? $"grep -Rn -- '{target}' /etc/nginx/" : "grep -Rn -E '(proxy|fastcgi|uwsgi|scgi|grpc)_pass' /etc/nginx/";
        var poolName = pool ?? "www";
        var buffer = scheme is "fastcgi" or "uwsgi" or "scgi" or "grpc" ? scheme : "proxy";
        return cause switch
        {
            Causes.UpstreamDown when t.IsUnix => new(
                $"nginx reached the socket file {sock}, but nothing accepts connections on it (stale socket: the backend is gone).",
                ["the backend (PHP-FPM, gunicorn, uWSGI) stopped or crashed and left its socket file behind"],
                [$"ss -xlp | grep -F '{sockArg}'", $"ls -l {sockArg}", "systemctl --failed", $"{grepTarget}"],
                ["which service should own the socket and whether it is running"], Confidence.High),
            Causes.UpstreamDown => new(
                $"Nothing accepted the connection on {target}: the backend is down, or listens on another port or address.",
                ["the backend service is stopped or crashed", "the backend listens on another port or only on IPv6/another address (wrong target)"],
                Commands($"ss -ltnp '( sport = :{port} )'", DirectRequest(t, scheme, "-sS -o /dev/null -w '%{http_code}\\n'"), "systemctl --failed", grepTarget),
                [$"is anything listening on {target}?", "does the service that should answer listen elsewhere (another port, [::1] only)? — then it is wrong_target"],
                Confidence.Medium),
            Causes.UnixSocketMissing => new(
                $"The socket {sock} does not exist.",
                ["the backend (PHP-FPM pool, gunicorn, uWSGI) is not running", "nginx and the backend disagree on the socket path (version in the path, PrivateTmp)"],
                [$"ls -l {sockArg}", $"ls -l {Path.GetDirectoryName(sockArg)?.Replace('\\', '/') ?? "/run"}/", "grep -Rn '^listen' /etc/php/*/fpm/pool.d/", grepTarget],
                ["is the service that should create the socket running?", "does it listen on another path?"], Confidence.Medium),
            Causes.UnixSocketPermission => new(
                $"The nginx worker user may not connect to {sock} (no write permission on the socket).",
                ["the socket's owner/group/mode does not admit the nginx worker user"],
                [$"ls -l {sockArg}", "ps -o user= -C nginx | sort | uniq -c", $"grep -n '^listen\\.' /etc/php/*/fpm/pool.d/{poolName}.conf",
                 $"# in the pool: listen.owner = www-data, listen.group = www-data, listen.mode = 0660; then restart the pool"],
                ["socket owner, group and mode against the worker user and its groups"], Confidence.High),
            Causes.SelinuxDenied => new(
                $"The kernel refused nginx's connection to {target} with EACCES: on a TCP target that is SELinux policy.",
                ["SELinux is enforcing and httpd_can_network_connect is off, or the port is not labelled http_port_t"],
                ["getenforce", "getsebool httpd_can_network_connect", "ausearch -m avc -c nginx -ts recent",
                 "setsebool -P httpd_can_network_connect 1", $"semanage port -a -t http_port_t -p tcp {port}"],
                ["SELinux mode, the boolean, and AVC denials for nginx"], Confidence.Medium),
            Causes.FirewallBlocked => new(
                $"A local firewall rule rejected nginx's connection to {target} (EPERM).",
                ["an iptables/nftables OUTPUT rule or a cgroup BPF filter"],
                ["nft list ruleset", "iptables -S OUTPUT", $"ss -tn dst {TargetForSs(t)}"],
                ["firewall rules matching the target"], Confidence.High),
            Causes.ListenBacklogFull => new(
                $"The listen queue of {sock} is full: the backend does not accept connections fast enough.",
                ["every backend worker is busy (pm.max_children reached)", "listen.backlog too small for the burst"],
                [t.Port is null ? $"ss -xl | grep -F '{sockArg}'" : $"ss -ltn '( sport = :{port} )'",
                 $"grep -n -E '^pm\\.|^listen\\.backlog' /etc/php/*/fpm/pool.d/{poolName}.conf", "sysctl net.core.somaxconn"],
                ["pm.max_children reached in the pool log?", "busy workers vs pm.max_children"], Confidence.Medium),
            Causes.NoRoute => new(
                $"No route to {host}: the host is down or unreachable at the network layer.",
                ["the backend host is down", "an ARP/ICMP host-unreachable from a router or firewall"],
                [$"ip route get {host}", $"ping -c 3 {host}"], ["is the host up and reachable from this web host?"], Confidence.High),
            Causes.NetworkUnreachable => new(
                $"The network of {host} is unreachable from this host (often an IPv6 target without an IPv6 route).",
                ["an IPv6 address (or AAAA record) used where the host has no IPv6 route"],
                [$"ip route get {host}", "ip -6 route", $"{grepTarget}"], ["does the host have a route to the target's address family?"], Confidence.High),
            Causes.EphemeralPortExhaustion => new(
                $"nginx could not get a local port to connect to {target} (EADDRNOTAVAIL): ephemeral ports are exhausted.",
                ["every request opens a new connection (no upstream keepalive) and TIME_WAIT sockets pile up", "an [::1] target on a host with IPv6 disabled"],
                [$"ss -tan state time-wait '( dport = :{port} )' | wc -l", "sysctl net.ipv4.ip_local_port_range",
                 "# in the upstream block: keepalive 32; in the location: proxy_http_version 1.1; proxy_set_header Connection \"\";", Reload],
                ["TIME_WAIT count toward the target and whether upstream keepalive is configured"], Confidence.Medium),
            Causes.FdExhaustion => new(
                "nginx ran out of file descriptors or worker connections, so it could not open the upstream socket (500).",
                ["worker_rlimit_nofile / LimitNOFILE too low for worker_connections", "a connection leak or a traffic burst"],
                ["grep 'open files' /proc/$(cat /run/nginx.pid)/limits", "grep -Rn -E 'worker_connections|worker_rlimit_nofile' /etc/nginx/nginx.conf",
                 "# raise worker_rlimit_nofile (and LimitNOFILE= in the unit) above 2 x worker_connections", Reload],
                ["the worker's open-files limit against its open descriptors"], Confidence.High),
            Causes.UpstreamTimeoutConnect => new(
                $"Connecting to {target} did not complete in time: the host drops SYNs or its accept queue is full.",
                ["the backend host is overloaded or a firewall silently drops packets", "the listen backlog is full"],
                Commands(DirectRequest(t, scheme, "-sS -o /dev/null --connect-timeout 3 -w '%{time_connect}\\n'", timed: true), ListenQueue(t)),
                ["is the target reachable and accepting quickly from this host?"], Confidence.Medium),
            Causes.UpstreamTimeoutSend => new(
                $"Sending the request to {target} stalled past proxy_send_timeout.",
                ["the backend stopped reading the request body (busy or stuck)"],
                [$"grep -Rn -E '(proxy|fastcgi|uwsgi|grpc)_send_timeout' /etc/nginx/"], ["is the backend busy or blocked?"], Confidence.Medium),
            // The stream and mail proxies have one idle timeout, proxy_timeout, in place of HTTP's read timeouts.
            Causes.UpstreamTimeoutRead when IsSessionProxy(scheme) => new(
                $"{target} accepted the {scheme} session but sent nothing within proxy_timeout.",
                ["the backend service is overloaded or stuck", "the backend waits for the client to speak first while the client waits for it"],
                Commands(DirectRequest(t, scheme, "", timed: true), "grep -Rn -w 'proxy_timeout' /etc/nginx/"),
                ["backend logs and load at the same time"], Confidence.Medium),
            Causes.UpstreamTimeoutRead => new(
                $"{target} accepted the request but sent no complete response header within the read timeout.",
                ["slow requests (database, external calls)", "every backend worker busy", "a stuck worker"],
                Commands(DirectRequest(t, scheme, "-sS -o /dev/null -w '%{time_starttransfer}\\n'", timed: true),
                 "grep -Rn -E '(proxy|fastcgi|uwsgi|grpc)_read_timeout' /etc/nginx/"),
                ["backend slow-request log and busy workers"], Confidence.Medium),
            // A stream or mail session has no response header and no upstream keep-alive: the backend ended the session.
            Causes.PrematureClose or Causes.ConnectionReset when IsSessionProxy(scheme) => new(
                $"{target} closed or reset the {scheme} session.",
                ["the backend service crashed, restarted or was OOM-killed", "the backend refuses the client (its own access rules or connection limit)"],
                Commands("journalctl -k --since '-1h' | grep -i -E 'killed process|segfault'", DirectRequest(t, scheme, "")),
                ["backend and kernel logs at the same time"], Confidence.Medium),
            Causes.PrematureClose or Causes.ConnectionReset => new(
                $"{target} closed or reset the connection before sending a complete response header.",
                ["the backend worker crashed, was OOM-killed or was killed for a timeout", "stale keep-alive: the backend closes idle connections sooner than nginx reuses them"],
                ["journalctl -k --since '-1h' | grep -i -E 'killed process|segfault'", "grep -Rn -E 'keepalive|proxy_http_version|proxy_set_header +Connection' /etc/nginx/"],
                ["backend and kernel logs at the same time", "upstream keepalive directives and the backend's idle timeout"], Confidence.Medium),
            Causes.BrokenPipe => new(
                $"{target} closed the connection while nginx was still sending the request (usually a large body).",
                ["the backend rejects large uploads early (its own body limit)", "the backend worker died"],
                [$"grep -Rn client_max_body_size /etc/nginx/", "journalctl -k --since '-1h' | grep -i -E 'killed process|segfault'"],
                ["the backend's request size limit and its logs"], Confidence.Medium),
            Causes.NoLiveUpstreams => new(
                $"Every member of {(named ? $"upstream '{target}'" : "the upstream block")} was marked failed (max_fails/fail_timeout) or down, so nginx did not even try.",
                ["each member failed with its own cause just before (see the other findings)", "all members marked down"],
                [named && t.IsName ? $"grep -Rn -A 12 'upstream {target}' /etc/nginx/" : named ? grepTarget : "grep -Rn -A 12 -E '^\\s*upstream ' /etc/nginx/"],
                [$"the state and cause of each member of {(named ? $"upstream {target}" : "the upstream block")}"], Confidence.High),
            Causes.HeaderTooBig => new(
                $"{target} sent a response header larger than {buffer}_buffer_size.",
                ["large cookies or headers from the application"],
                Commands(DirectRequest(t, scheme, "-sS -D - -o /dev/null", fcgiTail: " | sed '/^\\r*$/q' | wc -c", curlTail: " | wc -c"), $"# in {where}: {buffer}_buffer_size 16k; {buffer}_buffers 8 16k;", Reload),
                [$"the backend's header size against {buffer}_buffer_size"], Confidence.High),
            Causes.InvalidHeader => new(
                $"{target} sent a response header nginx rejects (invalid byte, duplicate or conflicting Content-Length/Transfer-Encoding, bad status).",
                ["an application or framework bug writing raw headers"],
                Commands(DirectRequest(t, scheme, "-sS -v --raw -o /dev/null")), ["the raw response header of the backend"], Confidence.High),
            Causes.ProtocolMismatch => new(
                $"{target} does not speak the protocol of the *_pass scheme ({scheme ?? "?"}): e.g. a TLS port behind http://, or HTTP/1 behind grpc_pass.",
                ["wrong port in the *_pass directive", "wrong scheme (http vs https, grpc vs http)"],
                Commands(DirectRequest(t, "http", "-sS -v -o /dev/null"), $"openssl s_client {TlsPeer(t)} </dev/null", grepTarget, Reload),
                ["what the port really speaks (plain HTTP, TLS, HTTP/2)"], Confidence.High),
            Causes.FastcgiProtocolMismatch => new(
                $"{target} is not a FastCGI server (72 = 'H': it answered with HTTP).",
                ["fastcgi_pass points at an HTTP server instead of PHP-FPM"],
                [grepTarget, "grep -Rn '^listen' /etc/php/*/fpm/pool.d/", Reload], ["which port PHP-FPM really listens on"], Confidence.High),
            Causes.UpstreamTls => new(
                $"The TLS handshake with {target} failed.",
                ["https:// pointed at a plain-HTTP port (wrong version number)", "SNI not sent (proxy_ssl_server_name off)", "no common protocol or cipher"],
                [$"openssl s_client {TlsPeer(t)} -servername {host} </dev/null", "# in the location: proxy_ssl_server_name on; proxy_ssl_name <backend name>;", Reload],
                ["does the port speak TLS, and which SNI/protocols does it need?"], Confidence.Medium),
            Causes.UpstreamCertInvalid => new(
                $"{target} presented a certificate nginx does not accept (proxy_ssl_verify on).",
                ["self-signed or expired certificate, missing intermediate, or a name that does not match proxy_ssl_name"],
                [$"openssl s_client {TlsPeer(t)} -servername {host} -showcerts </dev/null | openssl x509 -noout -subject -issuer -dates"],
                ["the certificate chain, dates and names"], Confidence.High),
            Causes.DnsResolution => new(
                $"nginx's resolver could not resolve {target}.",
                ["the name does not exist (Host not found)", "the resolver in the resolver directive is down or unreachable (timed out)"],
                [$"getent hosts {host}", "grep -Rn -E '^\\s*resolver ' /etc/nginx/"], ["does the resolver answer for the name from this host?"], Confidence.High),
            Causes.NoResolver => new(
                $"proxy_pass uses a variable host{(named ? $" ({target})" : "")} but no resolver directive is configured.",
                ["a *_pass with a variable and no resolver"],
                ["grep -Rn -E '_pass .*\\$' /etc/nginx/", $"# in {where}: resolver 127.0.0.53 valid=30s;", Reload],
                [], Confidence.High),
            Causes.ResponseTruncated when IsSessionProxy(scheme) => new(
                $"The {scheme} session with {target} failed after data had started to flow: the client's connection was cut; no HTTP status is involved.",
                ["the backend closed or stalled mid-session", "proxy_timeout shorter than the session's idle periods"],
                ["grep -Rn -w 'proxy_timeout' /etc/nginx/"], ["backend logs for the same time"], Confidence.High),
            Causes.ResponseTruncated => new(
                $"{target} failed after the response header was sent: clients got a cut response with the backend's status, not a 502.",
                ["the backend died or timed out mid-body", "proxy_read_timeout shorter than a slow stream"],
                [$"grep -Rn -E '(proxy|fastcgi)_read_timeout' /etc/nginx/"], ["backend logs for the same time"], Confidence.High),
            Causes.PhpFatal => new(
                "PHP hit a fatal error for the request (500 from PHP, or 502 when the worker died).",
                ["an application bug", "memory_limit exhausted"],
                [$"tail -n 100 /var/log/php*-fpm.log", "grep -Rn memory_limit /etc/php/*/fpm/php.ini"], ["the PHP error for the same request"], Confidence.High),
            Causes.FastcgiScriptNotFound => new(
                "PHP-FPM could not find the script nginx asked for (404).",
                ["SCRIPT_FILENAME / root mismatch between nginx and PHP-FPM (chroot, container paths)"],
                ["grep -Rn -E 'SCRIPT_FILENAME|^\\s*root ' /etc/nginx/"], ["the script path PHP-FPM sees"], Confidence.High),
            Causes.FpmPoolExhausted => new(
                $"PHP-FPM pool '{poolName}' reached pm.max_children: requests queue and time out.",
                ["pm.max_children too low for the traffic", "slow requests holding workers"],
                [$"grep -n -E '^pm' /etc/php/*/fpm/pool.d/{poolName}.conf", "ps -C php-fpm8.2 -o rss= | awk '{s+=$1} END {print s/NR/1024 \" MiB per child\"}'"],
                ["memory per child against available memory before raising pm.max_children"], Confidence.High),
            Causes.AppWorkerTimeout => new(
                "The application server killed a worker that ran past its timeout (gunicorn --timeout, request_terminate_timeout, uWSGI harakiri).",
                ["slow requests", "the app timeout shorter than nginx's read timeout"],
                ["journalctl -u 'gunicorn*' -u 'php*-fpm' --since '-1h' | grep -i -E 'timeout|harakiri'"], ["which requests ran long"], Confidence.High),
            Causes.AppCrash => new(
                $"A backend worker{(pool is null ? "" : $" ({pool})")} exited on a signal or crashed.",
                ["a segfault in an extension or native library", "SIGKILL from the OOM killer or a supervisor"],
                Commands("journalctl -k --since '-1h' | grep -i -E 'segfault|killed process'", "coredumpctl list",
                    pool is not null && pool.EndsWith(".service", StringComparison.Ordinal) ? $"journalctl -u {pool} --since '-1h'" : null),
                ["kernel log and core dumps at the same time"], Confidence.High),
            Causes.OomKilled => new(
                $"The kernel OOM killer killed {(pool is null ? "a backend process" : pool)}.",
                ["the backend's memory use (workers x per-worker memory) exceeds the host or cgroup limit"],
                ["journalctl -k --since '-1h' | grep -i -E 'out of memory|killed process'", "free -m"], ["memory limits of the service"], Confidence.High),
            _ => new("No upstream failure.", [], [], [], Confidence.Low),
        };
    }

    /// <summary>
    /// A request straight to the backend, in the protocol nginx speaks to it (the finding's scheme): curl for HTTP, over
    /// the socket with --unix-socket (a bare http://localhost/ would ask nginx itself); cgi-fcgi for FastCGI, with the
    /// script path left to fill in, timed by the shell where curl would report a time (<paramref name="timed"/>), its
    /// output cut after the response header (<paramref name="fcgiTail"/>); grpcurl for gRPC; a plain connect with nc for a
    /// stream or mail backend (a database, a broker, an SMTP/IMAP server), which HTTP cannot ask. Null for uwsgi and
    /// scgi, which no common client speaks.
    /// </summary>
    private static string? DirectRequest(TargetParts t, string? scheme, string curlOptions, bool timed = false,
        string fcgiTail = " | head -n 20", string curlTail = "")
    {
        var address = t.SocketPath ?? TargetForSs(t);
        return scheme switch
        {
            "fastcgi" => $"{(timed ? "time " : "")}SCRIPT_FILENAME=/path/to/index.php REQUEST_METHOD=GET cgi-fcgi -bind -connect {address}{fcgiTail}",
            "grpc" => $"grpcurl -plaintext {address} list",
            "grpcs" => $"grpcurl -insecure {address} list",
            "uwsgi" or "suwsgi" or "scgi" => null,
            _ when IsSessionProxy(scheme) && t.IsUnix => $"{(timed ? "time " : "")}nc -vzU {t.SocketPath}",
            _ when IsSessionProxy(scheme) => $"{(timed ? "time " : "")}nc -vz -w 3 {(t.Port is null ? "HOST PORT" : $"{t.Host} {t.Port}")}",
            _ when t.IsUnix => $"curl {curlOptions} --unix-socket {t.SocketPath} http://localhost/{curlTail}",
            "https" => $"curl -k {curlOptions} https://{address}/{curlTail}",
            _ => $"curl {curlOptions} http://{address}/{curlTail}",
        };
    }

    /// <summary>
    /// The stream and mail proxies: a TCP/UDP or SMTP/IMAP/POP3 session with no HTTP request, response header or upstream
    /// keep-alive, and one idle timeout, proxy_timeout.
    /// </summary>
    private static bool IsSessionProxy(string? scheme) => scheme is "stream" or "mail";

    /// <summary>The listen queue's own table: <c>ss -xl</c> lists unix sockets only, <c>ss -ltn</c> TCP ports only.</summary>
    private static string ListenQueue(TargetParts t) =>
        t.IsUnix ? $"ss -xl | grep -F '{t.SocketPath}'" : $"ss -ltn '( sport = :{t.Port ?? "PORT"} )'";

    /// <summary>openssl's peer: <c>-unix PATH</c> for a socket (<c>-connect unix:...</c> would be looked up as a host name).</summary>
    private static string TlsPeer(TargetParts t) => t.IsUnix ? $"-unix {t.SocketPath}" : $"-connect {TargetForSs(t)}";

    /// <summary>The commands that apply: a request no client can make (<see cref="DirectRequest"/>) is left out.</summary>
    private static string[] Commands(params string?[] commands) => [.. commands.OfType<string>()];

    private static string TargetForSs(TargetParts t) =>
        t.Port is null ? (t.Raw.Length > 0 ? t.Raw : "HOST:PORT") : t.Host!.Contains(':') ? $"[{t.Host}]:{t.Port}" : $"{t.Host}:{t.Port}";
}
