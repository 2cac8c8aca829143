using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Storage;

/// <summary>What makes two reports the same incident: a shared upstream or a shared virtual host.</summary>
public sealed record IncidentKeys(string[] Upstreams, string[] VirtualHosts)
{
    public static IncidentKeys Of(IncidentReport report) => new([.. report.Upstreams], [.. report.VirtualHosts]);

    public bool IsEmpty => Upstreams.Length == 0 && VirtualHosts.Length == 0;

    public bool Matches(Incident incident) =>
        Upstreams.Intersect(incident.Upstreams).Any() || VirtualHosts.Intersect(incident.VirtualHosts).Any();
}
