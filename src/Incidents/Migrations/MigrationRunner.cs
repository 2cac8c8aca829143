using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Nginx502Bot.Incidents.Migrations;

/// <summary>
/// Applies <see cref="MigrationScripts"/> in order. A session-level advisory lock serialises runners (two bot
/// instances starting together: the second waits, then finds nothing to do); each file runs in its own transaction
/// together with its row in <c>schema_migrations</c>, so a failed file leaves no trace and a re-run is a no-op.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    /// <summary>Arbitrary constant shared by every runner ("n502mig" in ASCII).</summary>
    private const long LockKey = 0x6e35_3032_6d69_67;

    private const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     integer PRIMARY KEY,
            name        text NOT NULL,
            checksum    text NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now()
        )
        """;

    private const string SelectApplied = "SELECT version AS Version, name AS Name, checksum AS Checksum FROM schema_migrations";

    private const string InsertApplied = "INSERT INTO schema_migrations (version, name, checksum) VALUES (@Version, @Name, @Checksum)";

    /// <summary>
    /// The <c>migrate</c> command's entry point: applies pending migrations to <paramref name="connectionString"/> without a
    /// container. Returns the versions applied.
    /// </summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(string connectionString, ILogger<MigrationRunner> logger, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await new MigrationRunner(dataSource, logger).MigrateAsync(cancellationToken);
    }

    /// <summary>Applies every pending migration; returns the versions it applied (empty when up to date).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken) =>
        await MigrateAsync(MigrationScripts.Embedded, cancellationToken);

    public async Task<IReadOnlyList<int>> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(CreateVersionTable, cancellationToken: cancellationToken));
            var applied = (await connection.QueryAsync<AppliedMigration>(new CommandDefinition(SelectApplied, cancellationToken: cancellationToken)))
                .ToDictionary(a => a.Version);
            var done = new List<int>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Version, out var previous))
                {
                    EnsureUnchanged(migration, previous);
                    continue;
                }

                await ApplyAsync(connection, migration, cancellationToken);
                done.Add(migration.Version);
            }

            return done;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertApplied,
            new { migration.Version, migration.Name, migration.Checksum }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Applied migration {Version} {Name}", migration.Version, migration.Name);
    }

    private static void EnsureUnchanged(Migration migration, AppliedMigration previous)
    {
        if (previous.Checksum != migration.Checksum)
        {
            throw new InvalidOperationException(
                $"migration {migration.Version} ({migration.Name}) was changed after it was applied; add a new migration instead");
        }
    }

    private sealed record AppliedMigration(int Version, string Name, string Checksum);
}
