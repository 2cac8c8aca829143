namespace Nginx502Bot.Bot.Commands;

/// <summary><c>/502 TARGET [on HOSTS]</c> and <c>/502 &lt;pasted lines&gt;</c>.</summary>
public sealed class DiagnoseHandler(DiagnosisService diagnosis) : ICommandHandler
{
    public IReadOnlyList<CommandKind> Kinds { get; } = [CommandKind.Diagnose, CommandKind.Paste];

    public Task HandleAsync(CommandContext context, ParsedCommand command, CancellationToken cancellationToken)
    {
        var request = command.Kind == CommandKind.Paste
            ? new DiagnosisRequest(null, command.Argument, [], context.Message.Text)
            : new DiagnosisRequest(command.Argument, null, command.ExplicitHosts, context.Message.Text);
        return diagnosis.RunAsync(context, request, onlyWhenFound: !context.Message.IsCommand, cancellationToken);
    }
}
