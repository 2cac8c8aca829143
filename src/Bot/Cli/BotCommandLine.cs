using System.CommandLine;
using Nginx502Bot.Bot.Cli.Diagnose;

namespace Nginx502Bot.Bot.Cli;

/// <summary>The bot executable's commands: <c>diagnose</c> (the engine on files or stdin) and, as they land, the services.</summary>
public static class BotCommandLine
{
    /// <summary>Exit status of a command line that could not be parsed (a missing value, an unknown command or option).</summary>
    public const int ExitUsage = 2;

    public static RootCommand Build(TimeProvider time)
    {
        var root = new RootCommand("Nginx502Bot: diagnoses nginx 502s from error logs, host agents and chat.")
        {
            DiagnoseCommand.Create(time),
            ServeCommand.Create(),
            MigrateCommand.Create(),
        };
        return root;
    }

    /// <summary>
    /// Parses and runs <paramref name="args"/>. A usage error is said in a line per error and a hint, and ends with
    /// <see cref="ExitUsage"/>: each command gives 1 a meaning of its own (<c>diagnose</c>: upstream failures found;
    /// <c>migrate</c>: a migration failed), which a mistyped option must not borrow.
    /// </summary>
    public static async Task<int> InvokeAsync(string[] args, TimeProvider time, TextWriter error)
    {
        // A bare `nginx502bot` shows the commands, and still says the usage was wrong.
        var result = Build(time).Parse(args.Length == 0 ? ["--help"] : args);
        if (args.Length == 0)
        {
            await result.InvokeAsync();
            return ExitUsage;
        }

        if (result.Errors.Count == 0)
        {
            return await result.InvokeAsync();
        }

        var name = result.CommandResult.Command is RootCommand ? "nginx502bot" : "nginx502bot " + result.CommandResult.Command.Name;
        foreach (var parseError in result.Errors)
        {
            await error.WriteLineAsync($"{name}: {parseError.Message}");
        }

        await error.WriteLineAsync($"Try '{name} --help'.");
        return ExitUsage;
    }
}
