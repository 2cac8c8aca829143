namespace Nginx502Bot.Incidents.Model;

/// <summary>What a timeline event records. Stored as the snake_case name (<see cref="DbNames"/>).</summary>
public enum TimelineEventKind
{
    Reported,
    LinesReceived,
    Diagnosis,
    ProbeResult,
    RemediationSuggested,
    ActionTaken,
    Note,
    StatusChange,
}
