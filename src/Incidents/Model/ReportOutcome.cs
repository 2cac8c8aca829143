namespace Nginx502Bot.Incidents.Model;

/// <summary>What a report did: opened a new incident, joined a live one, or reopened a resolved one.</summary>
public enum ReportOutcome
{
    Opened,
    Joined,
    Reopened,
}
