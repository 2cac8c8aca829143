using System.Net.Sockets;
using Npgsql;

namespace Nginx502Bot.Incidents.Storage;

/// <summary>Says whether a failure means "the database is unreachable right now" (go to the outbox) or a real bug.</summary>
public static class Transient
{
    public static bool IsUnreachable(Exception exception) => exception switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
            || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("53", StringComparison.Ordinal),
        NpgsqlException => true,
        SocketException or IOException or TimeoutException => true,
        _ => exception.InnerException is { } inner && IsUnreachable(inner),
    };

    /// <summary>
    /// Unreachable, or reachable but without our tables yet: PostgreSQL was down when the bot started, so migrations
    /// were skipped. Either way the caller falls back to what it can do without the database.
    /// </summary>
    public static bool IsUnavailable(Exception exception) =>
        IsUnreachable(exception) || exception is PostgresException { SqlState: PostgresErrorCodes.UndefinedTable };
}
