using Npgsql;

namespace Nginx502Bot.Incidents.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL every test uses: <c>NGINX502BOT_DB</c> or the local default of scripts/postgres.sh. Unreachable
/// means the tests FAIL with the command to run; they never skip (with or without CI=true).
/// </summary>
public static class PostgresServer
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=55432;Username=postgres;Database=nginx502bot";

    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("NGINX502BOT_DB") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, string serverConnectionString)
    {
        var name = $"n502_{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        try
        {
            await connection.OpenAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            var ci = Environment.GetEnvironmentVariable("CI") == "true" ? " (CI=true)" : "";
            throw new InvalidOperationException(
                $"PostgreSQL unreachable at {admin.Host}:{admin.Port}{ci}; run scripts/postgres.sh start or set NGINX502BOT_DB. These tests never skip.", ex);
        }

        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            // The name is generated above from a GUID, never from input.
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var name = builder.Database!;
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
