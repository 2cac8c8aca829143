using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary><c>/502 incidents | resolve | note | postmortem</c>: thin calls into <see cref="IIncidentCommands"/>.</summary>
public sealed class IncidentsHandler(IIncidentCommands incidents) : ICommandHandler
{
    public IReadOnlyList<CommandKind> Kinds { get; } = [CommandKind.Incidents, CommandKind.Resolve, CommandKind.Note, CommandKind.Postmortem];

    public async Task HandleAsync(CommandContext context, ParsedCommand command, CancellationToken cancellationToken)
    {
        var id = command.Argument ?? "";
        var reply = command.Kind switch
        {
            CommandKind.Incidents => await incidents.ListOpenAsync(context.Thread.Conversation, cancellationToken),
            CommandKind.Resolve => await incidents.ResolveAsync(id, context.Message.User, cancellationToken),
            CommandKind.Note => await incidents.AddNoteAsync(id, context.Message.User, command.Rest ?? "", cancellationToken),
            _ => await incidents.PostmortemAsync(id, cancellationToken),
        };
        await context.Replier.PostAsync(context.Thread, reply, cancellationToken);
    }
}
