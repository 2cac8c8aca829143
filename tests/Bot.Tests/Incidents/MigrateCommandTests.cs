using Nginx502Bot.Bot.Cli;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Tests.Incidents;

/// <summary><c>nginx502bot migrate</c> against the real PostgreSQL, and against an address where nothing listens.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task EmptyDatabase_AppliesAll_ThenIsUpToDate()
    {
        await using var db = await TestPostgres.CreateAsync();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var first = await MigrateCommand.RunAsync(db.ConnectionString, output, error, CancellationToken.None);
        var second = await MigrateCommand.RunAsync(db.ConnectionString, output, error, CancellationToken.None);

        Assert.Equal(MigrateCommand.ExitOk, first);
        Assert.Equal(MigrateCommand.ExitOk, second);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("nginx502bot migrate: applied 6 migration(s): 1, 2, 3, 4, 5, 6", lines[0], StringComparison.Ordinal);
        Assert.Equal("nginx502bot migrate: database is up to date.", lines[1].TrimEnd());
        Assert.Empty(error.ToString());
        Assert.Equal(6, (await db.QueryAsync("SELECT version FROM schema_migrations")).Count);
    }

    [Fact]
    public async Task UnreachableDatabase_OneLineErrorAndExit2()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await MigrateCommand.RunAsync("Host=127.0.0.1;Port=1;Username=postgres;Password=secret-pw;Database=x;Timeout=3", output, error, CancellationToken.None);

        Assert.Equal(MigrateCommand.ExitUnreachable, code);
        var message = error.ToString().TrimEnd();
        Assert.DoesNotContain('\n', message);
        Assert.StartsWith("nginx502bot migrate: PostgreSQL unreachable at 127.0.0.1:1", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", message, StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }
}
