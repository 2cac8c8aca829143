namespace Nginx502Bot.Incidents.Outbox;

/// <summary>The outbox reached its bound; the write is refused rather than dropping older entries.</summary>
public sealed class OutboxFullException(string message) : Exception(message);
