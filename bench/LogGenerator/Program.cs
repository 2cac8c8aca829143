using System.Globalization;
using System.Text;

// loggen OUTPUT SIZE_MB: a deterministic, realistic nginx error log: upstream failures of many families, noise
// (notices, static 404s, client aborts, client TLS errors), multi-line FastCGI stderr records, syslog- and
// container-wrapped lines, and PHP-FPM companion lines.
if (args.Length != 2 || !long.TryParse(args[1], out var megabytes))
{
    Console.Error.WriteLine("usage: loggen OUTPUT SIZE_MB");
    return 2;
}

var target = megabytes * 1024 * 1024;
var random = new Random(502);
var time = new DateTime(2026, 11, 21, 0, 0, 0);
string[] servers = ["shop.example", "api.example", "blog.example", "admin.example", "_"];
string[] paths = ["/", "/cart", "/api/v1/orders", "/index.php", "/login", "/search?q=shoes", "/static/app.js", "/wp-admin/admin-ajax.php"];
string[] upstreams = ["http://127.0.0.1:8000", "http://10.0.0.7:9000", "fastcgi://unix:/run/php/php8.2-fpm.sock:", "http://[::1]:8080", "http://app_backend", "fastcgi://127.0.0.1:9000", "grpc://127.0.0.1:50051", "https://10.0.0.9:8443"];
string[] failures =
[
    "connect() failed (111: Connection refused) while connecting to upstream",
    "upstream timed out (110: Connection timed out) while reading response header from upstream",
    "upstream prematurely closed connection while reading response header from upstream",
    "recv() failed (104: Connection reset by peer) while reading response header from upstream",
    "no live upstreams while connecting to upstream",
    "upstream sent too big header while reading response header from upstream",
    "connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream",
    "connect() to unix:/run/php/php8.2-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream",
    "SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream",
    "upstream sent invalid header: \"X-Bad\\x01...\" while reading response header from upstream",
    "upstream timed out (110: Connection timed out) while connecting to upstream",
    "writev() failed (32: Broken pipe) while sending request to upstream",
    "upstream prematurely closed connection while reading upstream",
];
string[] noise =
[
    "open() \"/var/www/html/favicon.ico\" failed (2: No such file or directory)",
    "client intended to send too large body: 20971520 bytes",
    "access forbidden by rule",
];

using var output = new StreamWriter(new FileStream(args[0], FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20), new UTF8Encoding(false), 1 << 20);
long written = 0;
var cid = 0L;
while (written < target)
{
    time = time.AddMilliseconds(random.Next(1, 40));
    var stamp = time.ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
    var server = servers[random.Next(servers.Length)];
    var path = paths[random.Next(paths.Length)];
    var drawn = upstreams[random.Next(upstreams.Length)];
    var client = $"10.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}";
    var roll = random.Next(100);
    cid++;
    string line = roll switch
    {
        < 45 => $"{stamp} [error] 4121#4121: *{cid} {Failure(failures[random.Next(failures.Length)])}",
        < 50 => $"{stamp} [error] 4121#4121: *{cid} FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Uncaught Error: Call to undefined function foo() in /var/www/html/index.php:{random.Next(1, 400)}\nStack trace:\n#0 {{main}}\n  thrown in /var/www/html/index.php on line 12\" while reading response header from upstream{Suffix(drawn.StartsWith("fastcgi", StringComparison.Ordinal) ? drawn : "fastcgi://unix:/run/php/php8.2-fpm.sock:")}",
        < 58 => $"<27>Nov 21 {time:HH:mm:ss} web01 nginx: {stamp} [error] 4121#4121: *{cid} {Failure(failures[random.Next(failures.Length)])}",
        < 64 => $"web_1  | {stamp} [error] 31#31: *{cid} {Failure(failures[random.Next(failures.Length)])}",
        < 67 => $"[{time:dd-MMM-yyyy HH:mm:ss}] WARNING: [pool www] child {random.Next(1000, 9999)} exited on signal {(random.Next(2) == 0 ? "9 (SIGKILL)" : "11 (SIGSEGV)")} after {random.NextDouble() * 100:F6} seconds from start",
        < 80 => $"{stamp} [error] 4121#4121: *{cid} {noise[random.Next(noise.Length)]}, client: 10.1.2.3, server: {server}, request: \"GET {path} HTTP/1.1\", host: \"{server}\"",
        < 90 => $"{stamp} [info] 4121#4121: *{cid} client closed connection while waiting for request, client: 10.1.2.3, server: 0.0.0.0:443",
        < 95 => $"{stamp} [info] 4121#4121: *{cid} SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: 10.9.8.7, server: 0.0.0.0:443",
        _ => $"{stamp} [notice] 4120#4120: signal process started",
    };
    output.Write(line);
    output.Write('\n');
    written += Encoding.UTF8.GetByteCount(line) + 1;

    string Failure(string message) => message + Suffix(UpstreamFor(message, drawn));

    string Suffix(string upstream) =>
        $", client: {client}, server: {server}, request: \"GET {path} HTTP/1.1\", upstream: \"{upstream}{(upstream.StartsWith("http", StringComparison.Ordinal) ? path : string.Empty)}\", host: \"{server}\"";
}

// The upstream field as nginx writes it for the message: a socket's message names the socket in both places, TCP's
// "connect() failed" never goes with a socket, a TLS handshake needs https, no live upstreams names the block.
static string UpstreamFor(string message, string drawn) => message switch
{
    _ when message.Contains("unix:/run/php/php8.2-fpm.sock", StringComparison.Ordinal) => "fastcgi://unix:/run/php/php8.2-fpm.sock:",
    _ when message.StartsWith("connect() failed", StringComparison.Ordinal) && drawn.Contains("unix:", StringComparison.Ordinal) => "fastcgi://127.0.0.1:9000",
    _ when message.StartsWith("SSL_do_handshake", StringComparison.Ordinal) => "https://10.0.0.9:8443",
    _ when message.StartsWith("no live upstreams", StringComparison.Ordinal) => "http://app_backend",
    _ => drawn,
};

return 0;
