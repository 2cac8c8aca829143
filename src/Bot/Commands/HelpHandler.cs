using Nginx502Bot.Bot.Chat;

namespace Nginx502Bot.Bot.Commands;

/// <summary><c>/502 help</c>: the command list, shown to the asker only.</summary>
public sealed class HelpHandler : ICommandHandler
{
    public const string Text = """
        *`/502` diagnoses nginx 502s.*
        `/502 <url|host|server_name|upstream> [on host1,host2]`: ask the host agents that serve it
        `/502` followed by pasted nginx error-log lines: diagnose those lines (and ask the hosts they name)
        `/502 agents`: hosts that report, with version, last seen and health
        `/502 incidents`: open incidents in this channel
        `/502 resolve <id>` · `/502 note <id> <text>` · `/502 postmortem <id>`; in an incident's thread, mention the bot with `resolve` (Slack does not tell slash commands their thread)
        `/502 optout` · `/502 optin`: stop or resume answering pasted lines in this channel
        Pasting nginx upstream error lines in a channel the bot is in gets an answer in the message's thread.
        """;

    public IReadOnlyList<CommandKind> Kinds { get; } = [CommandKind.Help];

    public Task HandleAsync(CommandContext context, ParsedCommand command, CancellationToken cancellationToken) =>
        context.Replier.PostPrivateAsync(context.Thread, context.Message.User, new ChatReply("/502 commands", [new ReplyParagraph(Text)]), cancellationToken);
}
