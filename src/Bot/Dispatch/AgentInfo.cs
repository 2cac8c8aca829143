namespace Nginx502Bot.Bot.Dispatch;

/// <summary>A host agent as the directory knows it: identity, health and the inventory used to route requests.</summary>
/// <param name="Host">Host name the agent reports.</param>
/// <param name="Version">Agent version.</param>
/// <param name="LastSeen">Last heartbeat; null when never seen.</param>
/// <param name="Health">"ok", "degraded", "down" or whatever the agent reported.</param>
/// <param name="ServerNames">nginx <c>server_name</c> values on that host (virtual hosts).</param>
/// <param name="Upstreams">Upstream block names and peers (<c>backend</c>, <c>127.0.0.1:8000</c>, <c>unix:/run/php/fpm.sock</c>).</param>
public sealed record AgentInfo(
    string Host,
    string Version,
    DateTimeOffset? LastSeen,
    string Health,
    IReadOnlyList<string> ServerNames,
    IReadOnlyList<string> Upstreams);
