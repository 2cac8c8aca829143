namespace Nginx502Bot.Incidents.Model;

/// <summary>
/// A 502 report: a pasted log, an agent's excerpt or an alert, already diagnosed. <see cref="DeliveryKey"/> is the
/// chat delivery or message id; it makes every event the report writes idempotent.
/// </summary>
public sealed record IncidentReport
{
    public required string DeliveryKey { get; init; }
    public required string Actor { get; init; }

    /// <summary>When the report was made (the chat message time).</summary>
    public required DateTimeOffset ReportedAt { get; init; }

    public string? Channel { get; init; }
    public string? ThreadTs { get; init; }
    public IReadOnlyList<string> Hosts { get; init; } = [];
    public IReadOnlyList<string> VirtualHosts { get; init; } = [];
    public IReadOnlyList<string> Upstreams { get; init; } = [];
    public string? RootCause { get; init; }
    public Severity? Severity { get; init; }

    /// <summary>502 records in this report and their log-time range.</summary>
    public long Count502 { get; init; }
    public DateTimeOffset? First502At { get; init; }
    public DateTimeOffset? Last502At { get; init; }

    /// <summary>Log timestamps of each 502 record, for the chart (optional; capped by the caller).</summary>
    public IReadOnlyList<DateTimeOffset> Times502 { get; init; } = [];

    public required string Summary { get; init; }

    /// <summary>Optional JSON object: the diagnosis (findings, evidence lines, config file:line, probe facts).</summary>
    public string? DiagnosisJson { get; init; }
}
