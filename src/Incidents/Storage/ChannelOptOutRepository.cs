using Dapper;
using Npgsql;

namespace Nginx502Bot.Incidents.Storage;

/// <summary>Conversations opted out of overheard-paste answers (<c>channel_opt_outs</c>), shared by every bot instance.</summary>
public sealed class ChannelOptOutRepository(NpgsqlDataSource dataSource, TimeProvider timeProvider)
{
    private const string SelectAll = "SELECT chat_channel AS ChatChannel, conversation_id AS ConversationId FROM channel_opt_outs";

    private const string Insert = """
        INSERT INTO channel_opt_outs (chat_channel, conversation_id, opted_out_at) VALUES (@ChatChannel, @ConversationId, @At)
        ON CONFLICT (chat_channel, conversation_id) DO NOTHING
        """;

    private const string Delete = "DELETE FROM channel_opt_outs WHERE chat_channel = @ChatChannel AND conversation_id = @ConversationId";

    /// <summary>Every opted-out conversation as (chat channel, conversation id).</summary>
    public async Task<IReadOnlyList<(string ChatChannel, string ConversationId)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string ChatChannel, string ConversationId)>(new CommandDefinition(SelectAll, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task SetAsync(string chatChannel, string conversationId, bool optedOut, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(optedOut ? Insert : Delete,
            new { ChatChannel = chatChannel, ConversationId = conversationId, At = timeProvider.GetUtcNow().UtcDateTime }, cancellationToken: cancellationToken));
    }
}
