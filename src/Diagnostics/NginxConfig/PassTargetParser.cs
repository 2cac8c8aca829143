namespace Nginx502Bot.Diagnostics.NginxConfig;

/// <summary>Splits a <c>*_pass</c> argument into scheme and address the way nginx logs the peer.</summary>
public static class PassTargetParser
{
    public static readonly IReadOnlyList<string> PassDirectives = ["proxy_pass", "fastcgi_pass", "uwsgi_pass", "scgi_pass", "grpc_pass"];

    /// <summary>Returns (scheme, address); address is <c>host:port</c>, <c>unix:/path</c> or an upstream name without port.</summary>
    public static (string Scheme, string Address) Parse(string directive, string value, ISet<string> upstreamNames)
    {
        var defaultScheme = directive switch
        {
            "fastcgi_pass" => "fastcgi",
            "uwsgi_pass" => "uwsgi",
            "scgi_pass" => "scgi",
            "grpc_pass" => "grpc",
            _ => "http",
        };
        var scheme = defaultScheme;
        var rest = value;
        var sep = value.IndexOf("://", StringComparison.Ordinal);
        if (sep > 0) { scheme = value[..sep].ToLowerInvariant(); rest = value[(sep + 3)..]; }
        return (scheme, Address(rest, scheme, upstreamNames));
    }

    private static string Address(string rest, string scheme, ISet<string> upstreamNames)
    {
        if (rest.StartsWith("unix:", StringComparison.Ordinal))
        {
            // proxy_pass http://unix:/path:/uri — the path ends at the next colon.
            var colon = rest.IndexOf(':', 5);
            return colon > 0 ? rest[..colon] : rest;
        }

        var slash = rest.IndexOf('/');
        var hostPort = slash >= 0 ? rest[..slash] : rest;
        if (upstreamNames.Contains(hostPort) || hostPort.Contains('$')) { return hostPort; }
        return HasPort(hostPort) ? hostPort : hostPort + ":" + DefaultPort(scheme);
    }

    private static bool HasPort(string hostPort) => hostPort.StartsWith('[')
        ? hostPort.Contains("]:", StringComparison.Ordinal)
        : hostPort.Contains(':');

    private static int DefaultPort(string scheme) => scheme is "https" or "grpcs" ? 443 : 80;
}
