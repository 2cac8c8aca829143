using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary><c>/502 optout</c> and <c>/502 optin</c>: whether the bot answers pasted lines it overhears in this channel.</summary>
public sealed class OptOutHandler(IChannelOptOut optOut) : ICommandHandler
{
    public IReadOnlyList<CommandKind> Kinds { get; } = [CommandKind.OptOut, CommandKind.OptIn];

    public async Task HandleAsync(CommandContext context, ParsedCommand command, CancellationToken cancellationToken)
    {
        var optedOut = command.Kind == CommandKind.OptOut;
        await optOut.SetOptedOutAsync(context.Thread.Conversation, optedOut, cancellationToken);
        var text = optedOut
            ? "Done: I will no longer answer pasted lines in this channel. `/502 …` commands still work; `/502 optin` undoes this."
            : "Done: I will answer nginx upstream error lines pasted in this channel again.";
        await context.Replier.PostAsync(context.Thread, ChatReply.Plain(text), cancellationToken);
    }
}
