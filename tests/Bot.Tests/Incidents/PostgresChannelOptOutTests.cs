using Microsoft.Extensions.Logging.Abstractions;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Incidents;
using Nginx502Bot.Bot.Tests.Infrastructure;
using Nginx502Bot.Incidents.Migrations;
using Nginx502Bot.Incidents.Storage;
using Npgsql;

namespace Nginx502Bot.Bot.Tests.Incidents;

/// <summary>`/502 optout` survives a restart and holds on every instance; without the database it still holds here.</summary>
public sealed class PostgresChannelOptOutTests
{
    private static readonly ChatConversation Ops = new("slack", "C0OPS");
    private static readonly ChatConversation Web = new("slack", "C0WEB");

    [Fact]
    public async Task OptOut_IsSeenByANewInstance_AndOptInToo()
    {
        await using var db = await TestPostgres.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        await new MigrationRunner(source, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        await Create(source).SetOptedOutAsync(Ops, true, CancellationToken.None);

        var restarted = Create(source);
        var opsOptedOut = await restarted.IsOptedOutAsync(Ops, CancellationToken.None);
        var webOptedOut = await restarted.IsOptedOutAsync(Web, CancellationToken.None);
        await restarted.SetOptedOutAsync(Ops, false, CancellationToken.None);

        Assert.True(opsOptedOut);
        Assert.False(webOptedOut);
        Assert.False(await restarted.IsOptedOutAsync(Ops, CancellationToken.None));
        Assert.False(await Create(source).IsOptedOutAsync(Ops, CancellationToken.None));
    }

    [Fact]
    public async Task DatabaseUnreachable_TheChangeHoldsOnThisInstance()
    {
        await using var source = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Database=x;Timeout=5");
        var optOut = Create(source);

        await optOut.SetOptedOutAsync(Ops, true, CancellationToken.None);

        Assert.True(await optOut.IsOptedOutAsync(Ops, CancellationToken.None));
        Assert.False(await optOut.IsOptedOutAsync(Web, CancellationToken.None));
    }

    private static PostgresChannelOptOut Create(NpgsqlDataSource source) =>
        new(new ChannelOptOutRepository(source, TimeProvider.System), TimeProvider.System, NullLogger<PostgresChannelOptOut>.Instance);
}
