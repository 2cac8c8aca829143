using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Resolution;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// What the caller asked about. None of these is ever used as a path or a command: the server name and upstream
/// target are only keys matched against what discovery found.
/// </summary>
public sealed record DiagnoseQuery
{
    public string? ServerName { get; init; }
    public string? UpstreamTarget { get; init; }
    public DateTime? WindowStart { get; init; }
    public DateTime? WindowEnd { get; init; }
    public string? ErrorLogExcerpt { get; init; }
    public string? CorrelationId { get; init; }

    /// <summary>No server name and no target: every discovered target is in scope.</summary>
    public bool IsWholeHost => string.IsNullOrEmpty(ServerName) && string.IsNullOrEmpty(UpstreamTarget);

    /// <summary>The query's server name and target narrow the findings; they never reach a probe as paths or addresses.</summary>
    public bool Selects(Finding f) =>
        (string.IsNullOrEmpty(UpstreamTarget) || (f.Target is { } t && (t == UpstreamTarget || EndpointMatcher.Same(t, UpstreamTarget))))
        && (string.IsNullOrEmpty(ServerName) || f.Servers.Count == 0 || f.Servers.Contains(ServerName));
}
