namespace Nginx502Bot.Bot.Teams;

/// <summary>Durable addresses of Teams conversations behind <see cref="TeamsConversationDirectory"/> (PostgreSQL when configured).</summary>
public interface ITeamsConversationStore
{
    Task SaveAsync(string conversationId, TeamsConversation conversation, CancellationToken cancellationToken);

    Task<TeamsConversation?> FindAsync(string conversationId, CancellationToken cancellationToken);
}
