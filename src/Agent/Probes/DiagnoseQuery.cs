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
}
