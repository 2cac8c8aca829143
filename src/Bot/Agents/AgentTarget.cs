namespace Nginx502Bot.Bot.Agents;

/// <summary>
/// What <c>/502 &lt;target&gt;</c> names, as the agent's request fields: a URL or server name becomes the server name;
/// <c>host:port</c>, <c>unix:/path</c> or a bare upstream name becomes the upstream target. The agent only uses either as a
/// key into what it discovered, never as a path or command.
/// </summary>
public sealed record AgentTarget(string? ServerName, string? Upstream)
{
    public static AgentTarget Parse(string? target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return new AgentTarget(null, null);
        }

        var t = target.Trim();
        if (Uri.TryCreate(t, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return new AgentTarget(uri.Host, null);
        }

        if (t.StartsWith("unix:", StringComparison.Ordinal) || (t.Contains(':', StringComparison.Ordinal) && int.TryParse(t[(t.LastIndexOf(':') + 1)..], out _)))
        {
            return new AgentTarget(null, t);
        }

        return t.Contains('.', StringComparison.Ordinal) ? new AgentTarget(t, null) : new AgentTarget(null, t);
    }
}
