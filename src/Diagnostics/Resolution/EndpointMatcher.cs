using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Diagnostics.Resolution;

/// <summary>Compares endpoints as nginx writes them (<c>127.0.0.1:8000</c>, <c>[::1]:8000</c>, <c>localhost:8000</c>, <c>unix:/p</c>).</summary>
public static class EndpointMatcher
{
    /// <summary>Splits <c>host:port</c> / <c>[v6]:port</c>; null for unix targets and names without a port.</summary>
    public static (string Host, int Port)? Split(string endpoint)
    {
        if (endpoint.StartsWith("unix:", StringComparison.Ordinal)) { return null; }
        var colon = endpoint.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(endpoint.AsSpan(colon + 1), out var port)) { return null; }
        var host = endpoint[..colon].Trim('[', ']').ToLowerInvariant();
        return (host, port);
    }

    public static bool IsIPv6(string host) => host.Contains(':');

    /// <summary>True when both name the same peer; <c>localhost</c> stands for both loopbacks, as nginx resolves it.</summary>
    public static bool Same(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase)) { return true; }
        if (Split(a) is not { } x || Split(b) is not { } y || x.Port != y.Port) { return false; }
        return Hosts(x.Host).Overlaps(Hosts(y.Host));
    }

    private static HashSet<string> Hosts(string host) => host switch
    {
        "localhost" => ["127.0.0.1", "::1"],
        "::ffff:127.0.0.1" => ["127.0.0.1"],
        _ => [host],
    };

    /// <summary>True when <paramref name="listener"/> accepts connections to host:port (wildcard binds included).</summary>
    public static bool Accepts(Listener listener, string host, int port)
    {
        if (listener.Family == SocketFamily.Unix || listener.Port != port) { return false; }
        var hosts = Hosts(host);
        if (hosts.Contains(listener.Address)) { return true; }
        var v6Target = hosts.Any(IsIPv6);
        return listener.Family switch
        {
            SocketFamily.IPv4 => listener.Address == "0.0.0.0" && hosts.Any(h => !IsIPv6(h)),
            // A "::" bind accepts IPv4 too unless IPV6_V6ONLY is set, which /proc does not show: the direct probe decides.
            _ => listener.Address == "::" && (v6Target || hosts.Any(h => !IsIPv6(h))),
        };
    }
}
