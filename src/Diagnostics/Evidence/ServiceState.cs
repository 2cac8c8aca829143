namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>State of a backend service: a systemd unit, or a process seen in /proc when systemd is absent.</summary>
public sealed record ServiceState
{
    public required string Name { get; init; }
    public string? ActiveState { get; init; }
    public string? SubState { get; init; }
    public int? MainPid { get; init; }
    public int? Restarts { get; init; }
    public string? Result { get; init; }

    /// <summary>"systemd" or "proc".</summary>
    public required string Source { get; init; }

    public bool IsDown => ActiveState is "inactive" or "failed";
}
