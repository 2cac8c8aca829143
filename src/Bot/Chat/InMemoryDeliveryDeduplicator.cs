using System.Collections.Concurrent;

namespace Nginx502Bot.Bot.Chat;

/// <summary>
/// Remembers claimed keys for <see cref="Retention"/> (default 1 hour: Slack retries for minutes, not hours).
/// Expired keys are swept on the write path, so memory stays bounded by the delivery rate.
/// </summary>
public sealed class InMemoryDeliveryDeduplicator(TimeProvider time) : IDeliveryDeduplicator
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claimed = new(StringComparer.Ordinal);
    private DateTimeOffset _nextSweep = DateTimeOffset.MinValue;

    public TimeSpan Retention { get; init; } = TimeSpan.FromHours(1);

    public ValueTask<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        SweepIfDue(now);
        return ValueTask.FromResult(_claimed.TryAdd(key, now));
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + TimeSpan.FromMinutes(1);
        foreach (var (key, claimedAt) in _claimed)
        {
            if (now - claimedAt > Retention)
            {
                _claimed.TryRemove(key, out _);
            }
        }
    }
}
