namespace Nginx502Bot.Incidents.Model;

/// <summary>The incident a report landed in, and whether it is only in the local outbox for now.</summary>
public sealed record ReportResult(Incident Incident, ReportOutcome Outcome, bool Deferred);
