namespace Nginx502Bot.Incidents.Model;

/// <summary>The text the database and JSON carry for each enum value; the CHECK constraints in migrations/ list the same.</summary>
public static class DbNames
{
    public static string Of(IncidentStatus status) => status switch
    {
        IncidentStatus.Open => "open",
        IncidentStatus.Mitigated => "mitigated",
        IncidentStatus.Resolved => "resolved",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(Severity severity) => "sev" + (int)severity;

    public static string Of(TimelineEventKind kind) => kind switch
    {
        TimelineEventKind.Reported => "reported",
        TimelineEventKind.LinesReceived => "lines_received",
        TimelineEventKind.Diagnosis => "diagnosis",
        TimelineEventKind.ProbeResult => "probe_result",
        TimelineEventKind.RemediationSuggested => "remediation_suggested",
        TimelineEventKind.ActionTaken => "action_taken",
        TimelineEventKind.Note => "note",
        TimelineEventKind.StatusChange => "status_change",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static IncidentStatus ParseStatus(string text) => text switch
    {
        "open" => IncidentStatus.Open,
        "mitigated" => IncidentStatus.Mitigated,
        "resolved" => IncidentStatus.Resolved,
        _ => throw new FormatException($"unknown incident status '{text}'"),
    };

    public static Severity ParseSeverity(string text) =>
        text.Length == 4 && text.StartsWith("sev", StringComparison.Ordinal) && text[3] is >= '1' and <= '4'
            ? (Severity)(text[3] - '0')
            : throw new FormatException($"unknown severity '{text}'");

    private static readonly Dictionary<string, TimelineEventKind> Kinds =
        Enum.GetValues<TimelineEventKind>().ToDictionary(Of);

    public static TimelineEventKind ParseKind(string text) =>
        Kinds.TryGetValue(text, out var kind) ? kind : throw new FormatException($"unknown timeline event kind '{text}'");
}
