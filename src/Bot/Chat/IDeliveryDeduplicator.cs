namespace Nginx502Bot.Bot.Chat;

/// <summary>
/// Claims an inbound delivery (Slack <c>event_id</c>, Socket Mode envelope, Bot Framework activity id) once.
/// Retries and redeliveries carry the same key; only the first claim returns true. A shared store (Postgres)
/// makes several bot instances agree; the in-memory one covers a single instance.
/// </summary>
public interface IDeliveryDeduplicator
{
    ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken);
}
