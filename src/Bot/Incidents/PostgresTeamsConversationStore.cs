using Nginx502Bot.Bot.Teams;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Bot.Incidents;

/// <summary>Teams conversation addresses in PostgreSQL (<c>teams_conversations</c>), so posts find them after a restart.</summary>
public sealed class PostgresTeamsConversationStore(TeamsConversationRepository repository) : ITeamsConversationStore
{
    public Task SaveAsync(string conversationId, TeamsConversation conversation, CancellationToken cancellationToken) =>
        repository.SaveAsync(conversationId, conversation.ServiceUrl, conversation.IsChannel, cancellationToken);

    public async Task<TeamsConversation?> FindAsync(string conversationId, CancellationToken cancellationToken) =>
        await repository.FindAsync(conversationId, cancellationToken) is { } row ? new TeamsConversation(row.ServiceUrl, row.IsChannel) : null;
}
