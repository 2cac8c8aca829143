using System.Collections.Concurrent;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Incidents.Lifecycle;

/// <summary>
/// The incidents this process has seen recently (live ones and those resolved within the reopen window), so report
/// handling can still open/join/reopen while PostgreSQL is unreachable. Warmed from the database at start and from
/// the outbox after a restart; a newer snapshot always replaces an older one.
/// </summary>
public sealed class IncidentCache
{
    private readonly ConcurrentDictionary<Guid, Incident> incidents = new();

    public void Put(Incident incident) =>
        incidents.AddOrUpdate(incident.Id, incident, (_, old) => old.Version > incident.Version ? old : Merge(old, incident));

    public Incident? Get(Guid id) => incidents.TryGetValue(id, out var incident) ? incident : null;

    public Incident? FindLive(IncidentKeys keys, DateTimeOffset since) =>
        incidents.Values.Where(i => i.IsLive && i.UpdatedAt >= since && keys.Matches(i))
            .OrderByDescending(i => i.UpdatedAt).FirstOrDefault();

    public Incident? FindResolved(IncidentKeys keys, DateTimeOffset since) =>
        incidents.Values.Where(i => !i.IsLive && i.ResolvedAt >= since && keys.Matches(i))
            .OrderByDescending(i => i.ResolvedAt).FirstOrDefault();

    /// <summary>Forgets resolved incidents older than <paramref name="before"/>.</summary>
    public void Prune(DateTimeOffset before)
    {
        foreach (var (id, incident) in incidents)
        {
            if (!incident.IsLive && incident.ResolvedAt < before)
            {
                incidents.TryRemove(id, out _);
            }
        }
    }

    // A snapshot written to the outbox has no number yet; keep the one the database gave earlier.
    private static Incident Merge(Incident old, Incident incoming) =>
        incoming.Number == 0 && old.Number != 0 ? incoming with { Number = old.Number } : incoming;
}
