using Microsoft.Extensions.Logging;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Bot.Incidents;

/// <summary>
/// Claims deliveries in PostgreSQL (<c>chat_deliveries</c>) so several bot instances answer each Slack delivery once,
/// with the in-memory claim in front: a retry to this instance never needs the database, and while PostgreSQL is
/// unreachable this instance still answers each delivery once. The database gets at most <see cref="ClaimTimeout"/>
/// per claim (Slack wants its ack within 3 s) and is left alone for <see cref="Backoff"/> after it failed.
/// </summary>
public sealed partial class PostgresDeliveryDeduplicator(
    DeliveryDedupeRepository repository,
    InMemoryDeliveryDeduplicator local,
    TimeProvider time,
    ILogger<PostgresDeliveryDeduplicator> logger) : IDeliveryDeduplicator
{
    public static readonly TimeSpan ClaimTimeout = TimeSpan.FromSeconds(1.5);
    public static readonly TimeSpan Backoff = TimeSpan.FromSeconds(10);

    private long _skipUntilTicks;

    public async ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        if (!await local.TryClaimAsync(key, cancellationToken))
        {
            return false;
        }

        if (time.GetUtcNow().UtcTicks < Interlocked.Read(ref _skipUntilTicks))
        {
            return true;
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ClaimTimeout);
        try
        {
            return await repository.TryClaimAsync(key, deadline.Token);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && (ex is OperationCanceledException || Transient.IsUnavailable(ex)))
        {
            Interlocked.Exchange(ref _skipUntilTicks, (time.GetUtcNow() + Backoff).UtcTicks);
            LogFallback(logger, ex.GetType().Name);
            return true;
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "PostgreSQL unreachable for delivery claims ({Reason}); deduplicating in memory on this instance")]
    private static partial void LogFallback(ILogger logger, string reason);
}
