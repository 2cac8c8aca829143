using Dapper;
using Npgsql;

namespace Nginx502Bot.Incidents.Storage;

/// <summary>
/// Claims chat deliveries (Slack event id, interaction trigger id) so retries and redeliveries to several bot
/// instances are answered once: the first insert wins, every later one conflicts and gets <c>false</c>.
/// </summary>
public sealed class DeliveryDedupeRepository(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string Claim = """
        INSERT INTO chat_deliveries (delivery_id, received_at, instance) VALUES (@DeliveryId, @ReceivedAt, @Instance)
        ON CONFLICT (delivery_id) DO NOTHING
        """;

    private const string Prune = "DELETE FROM chat_deliveries WHERE received_at < @Before";

    /// <summary>This process's name in <c>chat_deliveries.instance</c> (for diagnosing who answered).</summary>
    public static string ThisInstance { get; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>Claims as <see cref="ThisInstance"/>; the shape of the bot's <c>IDeliveryDeduplicator</c>.</summary>
    public async ValueTask<bool> TryClaimAsync(string deliveryId, CancellationToken cancellationToken) =>
        await TryClaimAsync(deliveryId, ThisInstance, cancellationToken);

    /// <summary>True when this caller is the first to see <paramref name="deliveryId"/> and should answer it.</summary>
    public async Task<bool> TryClaimAsync(string deliveryId, string instance, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(Claim,
            new { DeliveryId = deliveryId, ReceivedAt = timeProvider.GetUtcNow().UtcDateTime, Instance = instance }, cancellationToken: cancellationToken));
        return inserted == 1;
    }

    /// <summary>Forgets claims older than <paramref name="age"/> (Slack retries for minutes, not days).</summary>
    public async Task<int> PruneAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Prune,
            new { Before = (timeProvider.GetUtcNow() - age).UtcDateTime }, cancellationToken: cancellationToken));
    }
}
