namespace Nginx502Bot.Bot.Commands;

/// <summary>One handler per command kind; the router finds it by <see cref="Kinds"/>.</summary>
public interface ICommandHandler
{
    IReadOnlyList<CommandKind> Kinds { get; }

    Task HandleAsync(CommandContext context, ParsedCommand command, CancellationToken cancellationToken);
}
