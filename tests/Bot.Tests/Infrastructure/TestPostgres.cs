using Npgsql;

namespace Nginx502Bot.Bot.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL of scripts/postgres.sh (or <c>NGINX502BOT_DB</c>). Each test gets its own empty database,
/// dropped afterwards. Unreachable means the test FAILS with the command to run; it never skips (CI=true or not).
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=55432;Username=postgres;Database=nginx502bot";

    private TestPostgres(string connectionString) => ConnectionString = connectionString;

    public static string ServerConnectionString { get; } =
        Environment.GetEnvironmentVariable("NGINX502BOT_DB") is { Length: > 0 } configured ? configured : DefaultConnectionString;

    public string ConnectionString { get; }

    public static async Task<TestPostgres> CreateAsync()
    {
        var name = $"n502_botwiring_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
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

        // The name is generated from a GUID above, never from input.
        await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        return new TestPostgres(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString);
    }

    /// <summary>Rows of a query as string-keyed values (tests only read a few columns).</summary>
    public async Task<List<Dictionary<string, object?>>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        var name = new NpgsqlConnectionStringBuilder(ConnectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
