namespace Nginx502Bot.Incidents.Storage;

/// <summary>Incident list filters (all optional): status, root cause, a host/virtual host/upstream, detection range.</summary>
public sealed record IncidentFilter
{
    public string? Status { get; init; }
    public string? RootCause { get; init; }

    /// <summary>Matches any of hosts, virtual hosts or upstreams exactly.</summary>
    public string? Target { get; init; }

    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    public int Limit { get; init; } = 100;
}
