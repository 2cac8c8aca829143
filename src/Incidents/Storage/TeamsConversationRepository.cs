using Dapper;
using Npgsql;

namespace Nginx502Bot.Incidents.Storage;

/// <summary>Bot Connector addresses of Teams conversations (<c>teams_conversations</c>), shared by every bot instance.</summary>
public sealed class TeamsConversationRepository(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string Upsert = """
        INSERT INTO teams_conversations (conversation_id, service_url, is_channel, updated_at)
        VALUES (@ConversationId, @ServiceUrl, @IsChannel, @At)
        ON CONFLICT (conversation_id) DO UPDATE SET service_url = excluded.service_url, is_channel = excluded.is_channel,
            updated_at = excluded.updated_at
        """;

    private const string Select = "SELECT service_url AS ServiceUrl, is_channel AS IsChannel FROM teams_conversations WHERE conversation_id = @ConversationId";

    public async Task SaveAsync(string conversationId, string serviceUrl, bool isChannel, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Upsert,
            new { ConversationId = conversationId, ServiceUrl = serviceUrl, IsChannel = isChannel, At = timeProvider.GetUtcNow().UtcDateTime },
            cancellationToken: cancellationToken));
    }

    /// <summary>The stored address, or null when the conversation was never heard from.</summary>
    public async Task<(string ServiceUrl, bool IsChannel)?> FindAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string ServiceUrl, bool IsChannel)>(new CommandDefinition(Select,
            new { ConversationId = conversationId }, cancellationToken: cancellationToken));
        return rows.Select(r => ((string, bool)?)r).FirstOrDefault();
    }
}
