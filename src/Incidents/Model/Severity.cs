namespace Nginx502Bot.Incidents.Model;

/// <summary>Sev1 is a full outage; Sev4 a few errors nobody noticed. New incidents start at Sev3.</summary>
public enum Severity
{
    Sev1 = 1,
    Sev2 = 2,
    Sev3 = 3,
    Sev4 = 4,
}
