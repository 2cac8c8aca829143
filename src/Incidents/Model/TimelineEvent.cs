namespace Nginx502Bot.Incidents.Model;

/// <summary>
/// One timeline entry. <see cref="OccurredAt"/> is the original time (log timestamp, chat message time);
/// <see cref="RecordedAt"/> is when the bot stored it. <see cref="IdempotencyKey"/> is unique across all events: a
/// retried delivery or an outbox replay with the same key is stored once. <see cref="DetailsJson"/> is a JSON object.
/// </summary>
public sealed record TimelineEvent
{
    /// <summary>Database id; 0 until stored.</summary>
    public long Id { get; init; }
    public required Guid IncidentId { get; init; }
    public required TimelineEventKind Kind { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
    public required string Actor { get; init; }
    public required string Summary { get; init; }
    public string DetailsJson { get; init; } = "{}";
    public bool Pinned { get; init; }
    public required string IdempotencyKey { get; init; }
}
