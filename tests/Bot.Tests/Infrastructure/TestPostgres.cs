using Nginx502Bot.Incidents.Tests.Infrastructure;
using Npgsql;

namespace Nginx502Bot.Bot.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL of scripts/postgres.sh (or <c>NGINX502BOT_DB</c>). Each test gets its own empty database,
/// dropped afterwards. Unreachable means the test FAILS with the command to run; it never skips (CI=true or not).
/// </summary>
public sealed class TestPostgres : IAsyncDisposable
{
    private TestPostgres(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    /// <summary>A new empty database on the shared server (the Incidents tests' fixture does the work).</summary>
    public static async Task<TestPostgres> CreateAsync() =>
        new(await PostgresServer.CreateDatabaseAsync("botwiring", PostgresServer.ConnectionString));

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

    public async ValueTask DisposeAsync() => await PostgresServer.DropDatabaseAsync(ConnectionString);
}
