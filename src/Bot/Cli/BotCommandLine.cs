using System.CommandLine;
using Nginx502Bot.Bot.Cli.Diagnose;

namespace Nginx502Bot.Bot.Cli;

/// <summary>The bot executable's commands: <c>diagnose</c> (the engine on files or stdin) and, as they land, the services.</summary>
public static class BotCommandLine
{
    public static RootCommand Build(TimeProvider time)
    {
        var root = new RootCommand("Nginx502Bot: diagnoses nginx 502s from error logs, host agents and chat.")
        {
            DiagnoseCommand.Create(time),
        };
        return root;
    }
}
