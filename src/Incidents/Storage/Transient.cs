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
}
