namespace Nginx502Bot.Bot.Tests.Infrastructure;

/// <summary>Real nginx error-log lines, as nginx writes them for the failures the tests use.</summary>
public static class NginxLines
{
    public const string Refused =
        "2026/11/21 13:58:01 [error] 4242#4242: *17 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.5, server: shop.example.com, request: \"GET /cart HTTP/1.1\", upstream: \"http://127.0.0.1:8000/cart\", host: \"shop.example.com\"";

    public const string SocketMissing =
        "2026/11/21 13:58:02 [crit] 4242#4242: *18 connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream, client: 10.0.0.6, server: blog.example.com, request: \"GET /index.php HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"blog.example.com\"";
}
