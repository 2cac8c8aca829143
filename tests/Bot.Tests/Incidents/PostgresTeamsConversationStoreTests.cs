using Microsoft.Extensions.Logging.Abstractions;
using Nginx502Bot.Bot.Incidents;
using Nginx502Bot.Bot.Teams;
using Nginx502Bot.Bot.Tests.Infrastructure;
using Nginx502Bot.Incidents.Migrations;
using Nginx502Bot.Incidents.Storage;
using Npgsql;

namespace Nginx502Bot.Bot.Tests.Incidents;

/// <summary>Teams conversation addresses outlive the process: a digest after a restart still finds the channel.</summary>
public sealed class PostgresTeamsConversationStoreTests
{
    private const string Channel = "19:ops@thread.tacv2";

    [Fact]
    public async Task AddressHeardBeforeARestart_IsFoundAfterIt_AndAChangedAddressReplacesIt()
    {
        await using var db = await TestPostgres.CreateAsync();
        await using var source = NpgsqlDataSource.Create(db.ConnectionString);
        await new MigrationRunner(source, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
        await Create(source).RememberAsync(Channel, new TeamsConversation("https://smba.trafficmanager.net/emea/", IsChannel: true), CancellationToken.None);

        var afterRestart = await Create(source).FindAsync(Channel, CancellationToken.None);
        await Create(source).RememberAsync(Channel, new TeamsConversation("https://smba.trafficmanager.net/amer/", IsChannel: true), CancellationToken.None);
        var afterMove = await Create(source).FindAsync(Channel, CancellationToken.None);

        Assert.Equal(new TeamsConversation("https://smba.trafficmanager.net/emea/", true), afterRestart);
        Assert.Equal(new TeamsConversation("https://smba.trafficmanager.net/amer/", true), afterMove);
        Assert.Null(await Create(source).FindAsync("a:unknown-chat", CancellationToken.None));
    }

    [Fact]
    public async Task DatabaseUnreachable_TheActivityStillSucceeds_AndTheAddressIsKnownHere()
    {
        await using var source = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Database=x;Timeout=3");
        var directory = Create(source);

        await directory.RememberAsync(Channel, new TeamsConversation("https://smba.trafficmanager.net/emea/", IsChannel: true), CancellationToken.None);

        Assert.Equal(new TeamsConversation("https://smba.trafficmanager.net/emea/", true), await directory.FindAsync(Channel, CancellationToken.None));
    }

    private static TeamsConversationDirectory Create(NpgsqlDataSource source) => new(NullLogger<TeamsConversationDirectory>.Instance,
        new PostgresTeamsConversationStore(new TeamsConversationRepository(source, TimeProvider.System)));
}
