namespace Nginx502Bot.Bot.Dispatch;

/// <summary>
/// What a request names: an explicit host list, a target (URL, host, server_name, upstream), and the
/// <c>server:</c>/<c>host:</c>/upstream values of pasted lines. Empty lists mean "nothing named".
/// </summary>
public sealed record AgentSelection(
    IReadOnlyList<string> ExplicitHosts,
    string? Target,
    IReadOnlyList<string> Servers,
    IReadOnlyList<string> Upstreams)
{
    public static AgentSelection ForTarget(string target) => new([], target, [], []);

    public bool IsEmpty => ExplicitHosts.Count == 0 && Target is null && Servers.Count == 0 && Upstreams.Count == 0;
}
