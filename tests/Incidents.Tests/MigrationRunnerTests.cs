using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Nginx502Bot.Incidents.Migrations;
using Nginx502Bot.Incidents.Tests.Infrastructure;
using Npgsql;

namespace Nginx502Bot.Incidents.Tests;

public sealed class MigrationRunnerTests
{
    private static readonly int[] AllVersions = [.. MigrationScripts.Embedded.Select(m => m.Version)];

    [Fact]
    public async Task EmptyDatabase_AppliesEveryMigrationAndCreatesTables()
    {
        var cs = await PostgresServer.CreateDatabaseAsync("mig", PostgresServer.ConnectionString);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(cs);
            var applied = await Runner(dataSource).MigrateAsync(CancellationToken.None);

            Assert.Equal(AllVersions, applied);
            await using var connection = await dataSource.OpenConnectionAsync();
            var tables = (await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).ToHashSet();
            Assert.Superset(new HashSet<string> { "incidents", "timeline_events", "chat_deliveries", "digest_runs", "qrtz_job_details", "qrtz_triggers", "qrtz_locks", "qrtz_scheduler_state", "schema_migrations" }, tables);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(cs);
        }
    }

    [Fact]
    public async Task SecondRun_AppliesNothingAndKeepsData()
    {
        var cs = await PostgresServer.CreateDatabaseAsync("mig", PostgresServer.ConnectionString);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(cs);
            await Runner(dataSource).MigrateAsync(CancellationToken.None);
            await using (var c = await dataSource.OpenConnectionAsync())
            {
                await c.ExecuteAsync("INSERT INTO chat_deliveries VALUES ('d1', now(), 'x')");
            }

            var second = await Runner(dataSource).MigrateAsync(CancellationToken.None);

            Assert.Empty(second);
            await using var connection = await dataSource.OpenConnectionAsync();
            Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM chat_deliveries"));
            Assert.Equal(AllVersions.Length, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(cs);
        }
    }

    [Fact]
    public async Task TwoRunnersAtOnce_ApplyEachVersionExactlyOnce()
    {
        var cs = await PostgresServer.CreateDatabaseAsync("mig", PostgresServer.ConnectionString);
        try
        {
            // Two data sources = two bot instances with their own pools.
            await using var a = NpgsqlDataSource.Create(cs);
            await using var b = NpgsqlDataSource.Create(cs);
            var results = await Task.WhenAll(
                Task.Run(() => Runner(a).MigrateAsync(CancellationToken.None)),
                Task.Run(() => Runner(b).MigrateAsync(CancellationToken.None)));

            Assert.Equal(AllVersions, results.SelectMany(r => r).Order().ToArray());
            await using var connection = await a.OpenConnectionAsync();
            Assert.Equal(AllVersions.Length, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(cs);
        }
    }

    [Fact]
    public async Task AppliedMigrationEdited_RefusesToRun()
    {
        var cs = await PostgresServer.CreateDatabaseAsync("mig", PostgresServer.ConnectionString);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(cs);
            await Runner(dataSource).MigrateAsync(CancellationToken.None);
            var edited = MigrationScripts.Embedded.Select(m => m.Version == 1 ? m with { Sql = m.Sql + "\n-- edited" } : m).ToList();

            await Assert.ThrowsAsync<InvalidOperationException>(() => Runner(dataSource).MigrateAsync(edited, CancellationToken.None));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(cs);
        }
    }

    [Fact]
    public async Task FailingMigration_LeavesNoTraceAndNoVersionRow()
    {
        var cs = await PostgresServer.CreateDatabaseAsync("mig", PostgresServer.ConnectionString);
        try
        {
            await using var dataSource = NpgsqlDataSource.Create(cs);
            var broken = new List<Migration> { new(1, "0001_half.sql", "CREATE TABLE half_done (id int); SELECT * FROM no_such_table;") };

            await Assert.ThrowsAsync<PostgresException>(() => Runner(dataSource).MigrateAsync(broken, CancellationToken.None));

            await using var connection = await dataSource.OpenConnectionAsync();
            Assert.Equal(0, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_migrations"));
            Assert.Null(await connection.ExecuteScalarAsync<string>("SELECT to_regclass('half_done')::text"));
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(cs);
        }
    }

    private static MigrationRunner Runner(NpgsqlDataSource dataSource) => new(dataSource, NullLogger<MigrationRunner>.Instance);
}
