namespace Nginx502Bot.Incidents.Lifecycle;

/// <summary>No incident with that id (or, while the database is unreachable, none this process knows).</summary>
public sealed class IncidentNotFoundException(Guid id) : Exception($"incident {id} not found")
{
    public Guid IncidentId { get; } = id;
}
