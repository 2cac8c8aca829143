using System.CommandLine;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Bot.Incidents;
using Nginx502Bot.Incidents.Migrations;
using Nginx502Bot.Incidents.Storage;
using Npgsql;

namespace Nginx502Bot.Bot.Cli;

/// <summary>
/// <c>nginx502bot migrate [--connection-string CS]</c>: applies pending database migrations (the same runner
/// <c>serve</c> uses at start-up). The connection string comes from the option, else <c>Incidents:ConnectionString</c>
/// (appsettings.json, <c>NGINX502BOT_Incidents__ConnectionString</c>), else <c>NGINX502BOT_DB</c>.
/// Exit status: 0 up to date, 1 a migration failed, 2 no database configured or PostgreSQL unreachable (or a usage error,
/// <see cref="BotCommandLine.ExitUsage"/>).
/// </summary>
public static class MigrateCommand
{
    public const int ExitOk = 0;
    public const int ExitFailed = 1;
    public const int ExitUnreachable = 2;

    public static Command Create()
    {
        var connection = new Option<string?>("--connection-string") { Description = "PostgreSQL connection string (default: Incidents:ConnectionString or NGINX502BOT_DB)." };
        var command = new Command("migrate", "Apply pending incident-database migrations and exit.") { connection };
        command.SetAction((result, ct) => RunAsync(result.GetValue(connection), System.Console.Out, System.Console.Error, ct));
        return command;
    }

    public static async Task<int> RunAsync(string? connectionString, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var cs = connectionString is { Length: > 0 } given ? given : BotIncidentsServiceCollectionExtensions.ConnectionString(Configuration());
        if (cs.Length == 0)
        {
            await error.WriteLineAsync("nginx502bot migrate: no database configured; set Incidents:ConnectionString or NGINX502BOT_DB, or pass --connection-string.");
            return ExitUnreachable;
        }

        using var logs = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        try
        {
            var applied = await MigrationRunner.MigrateAsync(cs, logs.CreateLogger<MigrationRunner>(), cancellationToken);
            await output.WriteLineAsync(applied.Count == 0
                ? "nginx502bot migrate: database is up to date."
                : $"nginx502bot migrate: applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
            return ExitOk;
        }
        catch (Exception ex) when (Transient.IsUnreachable(ex))
        {
            await error.WriteLineAsync($"nginx502bot migrate: PostgreSQL unreachable at {Where(cs)} ({Reason(ex)}); start it (scripts/postgres.sh start) or fix the connection string.");
            return ExitUnreachable;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or PostgresException)
        {
            await error.WriteLineAsync($"nginx502bot migrate: {ex.Message.ReplaceLineEndings(" ")}");
            return ExitFailed;
        }
    }

    private static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables("NGINX502BOT_")
        .Build();

    /// <summary>Host and port only: the connection string may hold a password.</summary>
    private static string Where(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{builder.Host}:{builder.Port}";
        }
        catch (ArgumentException)
        {
            return "the configured address";
        }
    }

    private static string Reason(Exception ex) => (ex.InnerException ?? ex).Message.ReplaceLineEndings(" ");
}
