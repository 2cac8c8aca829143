using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Records;

/// <summary>
/// Splits nginx's <c>upstream:</c> field <c>SCHEMA PEER SEP URI</c> (§1.2): <c>http://127.0.0.1:8080/x</c>,
/// <c>fastcgi://unix:/run/php/php-fpm.sock:</c>, <c>http://[::1]:8080/</c>, <c>http://backend_block/x</c>, stream <c>10.0.0.1:443</c>.
/// Lines without the field (resolver failures, cut lines) fall back to the peer the message names.
/// </summary>
public static class UpstreamAddress
{
    public static ReadOnlySpan<char> Scheme(ReadOnlySpan<char> text, scoped in NginxLine line)
    {
        if (line.IsStream)
        {
            return "stream";
        }

        if (line.IsMail)
        {
            return "mail";
        }

        var u = line.Upstream.Of(text);
        var sep = SpanSearch.IndexOfRare(u, "://");
        return sep > 0 ? u[..sep] : default;
    }

    public static ReadOnlySpan<char> Target(ReadOnlySpan<char> text, scoped in NginxLine line)
    {
        if (line.Upstream.IsPresent)
        {
            return Peer(line.Upstream.Of(text));
        }

        var m = line.Message.Of(text);
        if (m.StartsWith("connect() to ", StringComparison.Ordinal))
        {
            var rest = m["connect() to ".Length..];
            var end = rest.IndexOf(" failed", StringComparison.Ordinal);
            return end > 0 ? rest[..end] : rest;
        }

        if (m.StartsWith("no resolver defined to resolve ", StringComparison.Ordinal))
        {
            return m["no resolver defined to resolve ".Length..];
        }

        var resolved = m.IndexOf(" could not be resolved", StringComparison.Ordinal);
        if (resolved > 0)
        {
            return m[..resolved];
        }

        return line.Resolver.Of(text);
    }

    public static ReadOnlySpan<char> Peer(ReadOnlySpan<char> upstream)
    {
        var sep = SpanSearch.IndexOfRare(upstream, "://");
        var rest = sep >= 0 ? upstream[(sep + 3)..] : upstream;
        if (rest.StartsWith("unix:", StringComparison.Ordinal))
        {
            var colon = rest[5..].IndexOf(':');
            return colon >= 0 ? rest[..(5 + colon)] : rest;
        }

        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']');
            if (close > 0)
            {
                var slash = rest[close..].IndexOf('/');
                return slash >= 0 ? rest[..(close + slash)] : rest;
            }
        }

        var end = rest.IndexOf('/');
        return end >= 0 ? rest[..end] : rest;
    }

    /// <summary>The path of a request line: <c>GET /a/b?x=1 HTTP/1.1</c> gives <c>/a/b</c>.</summary>
    public static ReadOnlySpan<char> Path(ReadOnlySpan<char> request)
    {
        var sp = request.IndexOf(' ');
        if (sp < 0)
        {
            return default;
        }

        var uri = request[(sp + 1)..];
        var end = uri.IndexOfAny(' ', '?');
        return end >= 0 ? uri[..end] : uri;
    }
}
