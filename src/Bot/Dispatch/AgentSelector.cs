namespace Nginx502Bot.Bot.Dispatch;

/// <summary>
/// Picks the agents a request concerns. An explicit list wins; otherwise an agent is chosen when its host name,
/// one of its <c>server_name</c>s (wildcards included) or one of its upstreams matches what the request names.
/// </summary>
public static class AgentSelector
{
    public static IReadOnlyList<AgentInfo> Select(IReadOnlyList<AgentInfo> agents, AgentSelection selection)
    {
        if (selection.ExplicitHosts.Count > 0)
        {
            return [.. agents.Where(a => selection.ExplicitHosts.Any(h => SameName(a.Host, h)))];
        }

        var names = NamesOf(selection);
        return [.. agents.Where(a => names.Any(n => Matches(a, n)))];
    }

    /// <summary>The host part of a URL (<c>https://shop.example.com/cart</c> → <c>shop.example.com</c>), else the text trimmed.</summary>
    public static string NormalizeTarget(string target)
    {
        var trimmed = target.Trim().Trim('<', '>');
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        }

        return trimmed.TrimEnd('/');
    }

    private static List<string> NamesOf(AgentSelection selection)
    {
        var names = new List<string>(selection.Servers);
        names.AddRange(selection.Upstreams);
        if (selection.Target is { } target)
        {
            names.Add(NormalizeTarget(target));
        }

        return names;
    }

    private static bool Matches(AgentInfo agent, string name)
    {
        var bare = StripPort(name);
        return SameName(agent.Host, bare)
            || agent.ServerNames.Any(s => ServerNameMatches(s, bare))
            || agent.Upstreams.Any(u => SameName(u, name) || SameName(u, bare));
    }

    /// <summary>nginx server_name forms: exact, <c>*.example.com</c>, <c>.example.com</c> (also the bare domain), <c>www.example.*</c>.</summary>
    internal static bool ServerNameMatches(string serverName, string host)
    {
        if (SameName(serverName, host))
        {
            return true;
        }

        if (serverName.StartsWith("*.", StringComparison.Ordinal))
        {
            return host.EndsWith(serverName[1..], StringComparison.OrdinalIgnoreCase);
        }

        if (serverName.StartsWith('.'))
        {
            return SameName(serverName[1..], host) || host.EndsWith(serverName, StringComparison.OrdinalIgnoreCase);
        }

        return serverName.EndsWith(".*", StringComparison.Ordinal)
            && host.StartsWith(serverName[..^1], StringComparison.OrdinalIgnoreCase);
    }

    private static string StripPort(string name)
    {
        var colon = name.LastIndexOf(':');
        return colon > 0 && name.IndexOf(':') == colon && int.TryParse(name[(colon + 1)..], out _) ? name[..colon] : name;
    }

    private static bool SameName(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
