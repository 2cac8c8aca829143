using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary><c>/502 incidents | resolve | note | postmortem</c>: thin calls into <see cref="IIncidentCommands"/>.</summary>
public sealed class IncidentsHandler(IIncidentCommands incidents) : ICommandHandler
{
    public IReadOnlyList<CommandKind> Kinds { get; } = [CommandKind.Incidents, CommandKind.Resolve, CommandKind.Note, CommandKind.Postmortem];

    public async Task HandleAsync(CommandContext context, ParsedCommand command, CancellationToken cancellationToken)
    {
        var id = command.Argument ?? "";
        var origin = new ChatOrigin(context.Thread, context.Message.User, context.Message.SentAt, context.Message.DeliveryKey);
        var reply = command.Kind switch
        {
            CommandKind.Incidents => await incidents.ListOpenAsync(context.Thread.Conversation, cancellationToken),
            CommandKind.Resolve => await incidents.ResolveAsync(id, origin, cancellationToken),
            CommandKind.Note => await incidents.AddNoteAsync(id, origin, command.Rest ?? "", cancellationToken),
            _ => await incidents.PostmortemAsync(id, origin, cancellationToken),
        };
        await context.Replier.PostAsync(context.Thread, reply, cancellationToken);
    }
}
