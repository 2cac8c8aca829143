using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Postmortems;

/// <summary>Everything a post-mortem says, derived from the incident and its timeline; renderers only format it.</summary>
public sealed record Postmortem
{
    public required Incident Incident { get; init; }
    public required string Summary { get; init; }

    /// <summary>Impact window from the log timestamps (first to last 502).</summary>
    public DateTimeOffset? ImpactStart { get; init; }
    public DateTimeOffset? ImpactEnd { get; init; }

    /// <summary>First report: who, when, and how long after the first 502.</summary>
    public required string DetectedBy { get; init; }
    public TimeSpan? DetectionDelay { get; init; }
    public TimeSpan? TimeToAcknowledge { get; init; }
    public TimeSpan? TimeToResolve { get; init; }

    public required IReadOnlyList<TimelineEvent> Timeline { get; init; }

    /// <summary>Diagnosis, probe results and pinned events: what the root cause rests on.</summary>
    public required IReadOnlyList<TimelineEvent> Evidence { get; init; }

    /// <summary>Actions taken and status changes.</summary>
    public required IReadOnlyList<TimelineEvent> WhatWasDone { get; init; }

    public required IReadOnlyList<string> ActionItems { get; init; }
    public required IReadOnlyList<ChartBucket> Chart { get; init; }
}
