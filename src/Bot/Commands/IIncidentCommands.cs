using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary>
/// What the chat layer needs from incidents. The incidents work implements it over Postgres;
/// <see cref="NoDatabaseIncidentCommands"/> answers that incidents need the database.
/// </summary>
public interface IIncidentCommands
{
    /// <summary>Opens or updates the incident an answer belongs to and adds a timeline event; returns its id, or null without a store.</summary>
    Task<string?> RecordAnswerAsync(IncidentObservation observation, CancellationToken cancellationToken);

    Task<ChatReply> ListOpenAsync(ChatConversation conversation, CancellationToken cancellationToken);

    Task<ChatReply> ResolveAsync(string incidentId, ChatOrigin origin, CancellationToken cancellationToken);

    Task<ChatReply> AddNoteAsync(string incidentId, ChatOrigin origin, string text, CancellationToken cancellationToken);

    Task<ChatReply> PostmortemAsync(string incidentId, ChatOrigin origin, CancellationToken cancellationToken);

    Task<ChatReply> TimelineAsync(string incidentId, CancellationToken cancellationToken);

    /// <summary>Adds a marked chat message to its incident's timeline; null when no incident matches (nothing to say).</summary>
    Task<ChatReply?> AddReactionNoteAsync(ChatReaction reaction, CancellationToken cancellationToken);
}
