using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Tests.Commands;

public class InMemoryDeliveryDeduplicatorTests
{
    [Fact]
    public async Task SecondClaim_IsRefused_UntilRetentionPasses()
    {
        var clock = new FixedTimeProvider(DateTimeOffset.Parse("2026-11-21T14:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var dedupe = new InMemoryDeliveryDeduplicator(clock) { Retention = TimeSpan.FromMinutes(10) };

        Assert.True(await dedupe.TryClaimAsync("slack:event:Ev1", CancellationToken.None));
        Assert.False(await dedupe.TryClaimAsync("slack:event:Ev1", CancellationToken.None));
        Assert.True(await dedupe.TryClaimAsync("slack:event:Ev2", CancellationToken.None));

        clock.Now += TimeSpan.FromMinutes(11);
        Assert.True(await dedupe.TryClaimAsync("slack:event:Ev1", CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentClaims_ExactlyOneWins()
    {
        var dedupe = new InMemoryDeliveryDeduplicator(TimeProvider.System);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => dedupe.TryClaimAsync("k", CancellationToken.None).AsTask())));

        Assert.Single(results, r => r);
    }
}
