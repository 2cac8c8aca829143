using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Incidents;
using Nginx502Bot.Bot.Tests.Infrastructure;
using Nginx502Bot.Incidents.Migrations;
using Nginx502Bot.Incidents.Storage;
using Npgsql;

namespace Nginx502Bot.Bot.Tests.Incidents;

/// <summary>The shared delivery claim: several instances agree through PostgreSQL; without it each still answers once.</summary>
public sealed class PostgresDeliveryDeduplicatorTests
{
    [Fact]
    public async Task TwoInstancesSharingTheDatabase_OnlyTheFirstClaimWins()
    {
        await using var db = await TestPostgres.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        await new MigrationRunner(source, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        var a = Create(source);
        var b = Create(source);

        Assert.True(await a.TryClaimAsync("slack:event:Ev1", CancellationToken.None));
        Assert.False(await b.TryClaimAsync("slack:event:Ev1", CancellationToken.None));
        Assert.False(await a.TryClaimAsync("slack:event:Ev1", CancellationToken.None));
        Assert.True(await b.TryClaimAsync("slack:event:Ev2", CancellationToken.None));
    }

    [Fact]
    public async Task DatabaseUnreachable_FallsBackToMemory_FastAndStillOnce()
    {
        await using var source = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Database=x;Timeout=5");
        var dedupe = Create(source);
        var watch = Stopwatch.StartNew();

        var first = await dedupe.TryClaimAsync("slack:event:Ev1", CancellationToken.None);
        var again = await dedupe.TryClaimAsync("slack:event:Ev1", CancellationToken.None);
        var other = await dedupe.TryClaimAsync("slack:event:Ev2", CancellationToken.None);

        Assert.True(first);
        Assert.False(again);
        Assert.True(other);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"claims took {watch.Elapsed}; Slack wants its ack within 3 s");
    }

    [Fact]
    public async Task DatabaseUpButNotYetMigrated_FallsBackToMemory()
    {
        await using var db = await TestPostgres.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        var dedupe = Create(source);

        Assert.True(await dedupe.TryClaimAsync("slack:event:Ev1", CancellationToken.None));
        Assert.False(await dedupe.TryClaimAsync("slack:event:Ev1", CancellationToken.None));
    }

    private static PostgresDeliveryDeduplicator Create(NpgsqlDataSource source) => new(
        new DeliveryDedupeRepository(source, TimeProvider.System),
        new InMemoryDeliveryDeduplicator(TimeProvider.System),
        TimeProvider.System,
        NullLogger<PostgresDeliveryDeduplicator>.Instance);
}
