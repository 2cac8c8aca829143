namespace Nginx502Bot.Incidents.Model;

/// <summary>Lifecycle: open → mitigated → resolved; a resolved incident reopens when its 502s return.</summary>
public enum IncidentStatus
{
    Open,
    Mitigated,
    Resolved,
}
