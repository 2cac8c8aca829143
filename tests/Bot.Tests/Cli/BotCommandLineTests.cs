using Nginx502Bot.Bot.Cli;
using Nginx502Bot.Bot.Cli.Diagnose;

namespace Nginx502Bot.Bot.Tests.Cli;

/// <summary>
/// A command line the executable cannot use gets a short error and exit status 2, never the 1 by which <c>diagnose</c>
/// says "upstream failures found" (a script or a cron job reading that status would raise the wrong alarm).
/// </summary>
public sealed class BotCommandLineTests : IDisposable
{
    private const string Record =
        "2026/11/21 10:00:00 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: s, request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:8080/\", host: \"h\"\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("bot-command-line-").FullName;

    [Fact]
    public void MistypedOption_IsAUsageError_NotAMissingFile()
    {
        var log = Path.Combine(_dir, "error.log");
        File.WriteAllText(log, Record);

        var run = BotProcess.Run(["diagnose", "--jsno", log]);

        Assert.Equal(BotCommandLine.ExitUsage, run.Exit);
        Assert.Equal("", run.Stdout);
        Assert.Equal("nginx502bot diagnose: unknown option '--jsno'; a file whose name starts with '-' goes after '--'\n", run.Stderr);
    }

    [Fact]
    public void OptionValueStartingWithADash_IsNoUnknownOption()
    {
        // The token file's name is the option's value, not a file to read: the run gets as far as reading it.
        var run = BotProcess.Run(["diagnose", "--agent", "http://127.0.0.1:1", "--agent-token-file", "-token", "error.log"], workingDirectory: _dir);

        Assert.Equal(DiagnoseCommand.ExitError, run.Exit);
        Assert.DoesNotContain("unknown option", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("-token", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FileNamedLikeAnOption_IsReadAfterDoubleDash()
    {
        File.WriteAllText(Path.Combine(_dir, "-x.log"), Record);

        var run = BotProcess.Run(["diagnose", "--no-color", "--", "-x.log"], workingDirectory: _dir);

        Assert.Equal((DiagnoseCommand.ExitFailuresFound, ""), (run.Exit, run.Stderr));
        Assert.Contains("upstream_down", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionWithoutItsValue_IsAUsageError_NotFailuresFound()
    {
        var run = BotProcess.Run(["diagnose", "--agent"]);

        Assert.Equal(BotCommandLine.ExitUsage, run.Exit);
        Assert.Equal("", run.Stdout);
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("nginx502bot diagnose: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("'--agent'", lines[0], StringComparison.Ordinal);
        Assert.Equal("Try 'nginx502bot diagnose --help'.", lines[1]);
    }

    [Fact]
    public void UnknownCommand_IsAUsageError()
    {
        var run = BotProcess.Run(["diagnoze", "error.log"]);

        Assert.Equal(BotCommandLine.ExitUsage, run.Exit);
        Assert.Contains("nginx502bot: Unrecognized command or argument 'diagnoze'.", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("Try 'nginx502bot --help'.\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NoArguments_ListTheCommands_AndSayTheUsageWasWrong()
    {
        var run = BotProcess.Run([]);

        Assert.Equal(BotCommandLine.ExitUsage, run.Exit);
        Assert.Contains("diagnose", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("serve", run.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
