using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary>Used when no database is configured: diagnosis still works, incident commands say what is missing.</summary>
public sealed class NoDatabaseIncidentCommands : IIncidentCommands
{
    private static readonly ChatReply NeedsDatabase = ChatReply.Plain(
        "Incidents need the database: set `Incidents:ConnectionString` (or `NGINX502BOT_DB`) to a PostgreSQL connection string and restart the bot.");

    public Task<string?> RecordAnswerAsync(IncidentObservation observation, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);

    public Task<ChatReply> ListOpenAsync(ChatConversation conversation, CancellationToken cancellationToken) => Task.FromResult(NeedsDatabase);

    public Task<ChatReply> ResolveAsync(string incidentId, ChatOrigin origin, CancellationToken cancellationToken) => Task.FromResult(NeedsDatabase);

    public Task<ChatReply> AddNoteAsync(string incidentId, ChatOrigin origin, string text, CancellationToken cancellationToken) =>
        Task.FromResult(NeedsDatabase);

    public Task<ChatReply> PostmortemAsync(string incidentId, ChatOrigin origin, CancellationToken cancellationToken) => Task.FromResult(NeedsDatabase);

    public Task<ChatReply> TimelineAsync(string incidentId, CancellationToken cancellationToken) => Task.FromResult(NeedsDatabase);

    /// <summary>Reactions are silent without a database: nobody asked the bot anything.</summary>
    public Task<ChatReply?> AddReactionNoteAsync(ChatReaction reaction, CancellationToken cancellationToken) => Task.FromResult<ChatReply?>(null);
}
