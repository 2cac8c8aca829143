using Nginx502Bot.Agent.Service;

namespace Nginx502Bot.Agent.Cli;

/// <summary>
/// The agent's command line: <c>nginx502bot-agent COMMAND [options]</c>, <c>--help</c> (also per command) and
/// <c>--version</c>. Written here rather than with System.CommandLine, which the bot uses: in the NativeAOT agent that
/// library was 0.9 MB of the binary and ~0.75 MiB of its idle RSS (docs/agent.md). Bad usage prints the problem and
/// exits with 2.
/// </summary>
public static class AgentCommandLine
{
    public const int BadUsage = 2;
    public const int Interrupted = 130;
    private const string Executable = "nginx502bot-agent";
    private const string Description = "nginx502bot-agent: read-only host agent that diagnoses nginx 502s.";
    private static readonly string[] HelpNames = ["-?", "-h", "--help"];

    public static async Task<int> InvokeAsync(IReadOnlyList<AgentCommand> commands, string[] args, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (args.Length == 0 || IsHelp(args[0])) { return Help(stdout, commands, args.Length == 0 ? stderr : null); }
        if (args[0] == "--version") { await stdout.WriteLineAsync(AgentInfo.Version); return 0; }

        var command = Find(commands, args[0]);
        if (command is null) { return Fail(stderr, $"unknown command '{args[0]}'", null); }
        if (Array.FindIndex(args, 1, IsHelp) > 0) { await stdout.WriteAsync(CommandHelp(command)); return 0; }

        var parsed = CliParser.Parse(command.Options, args[1..], out var error);
        if (parsed is null) { return Fail(stderr, error!, command); }
        try
        {
            return await command.Run(parsed, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl+C: end quietly with the shell's status for an interrupted command.
            return Interrupted;
        }
    }

    /// <summary>The help text of one command: description, usage, every option with its help line.</summary>
    public static string CommandHelp(AgentCommand command)
    {
        var rows = new List<(string, string)>();
        foreach (var o in command.Options) { rows.Add((o.Usage, o.Help)); }
        rows.Add(("-?, -h, --help", "Show help and usage information"));
        return $"Description:\n  {command.Description}\n\nUsage:\n  {Executable} {command.Name} [options]\n\nOptions:\n{Table(rows)}\n";
    }

    private static int Help(TextWriter stdout, IReadOnlyList<AgentCommand> commands, TextWriter? noCommandGiven)
    {
        var options = Table([("--version", "Show version information"), ("-?, -h, --help", "Show help and usage information")]);
        var list = new List<(string, string)>();
        foreach (var c in commands) { list.Add((c.Name, c.Description)); }
        (noCommandGiven ?? stdout).Write($"Description:\n  {Description}\n\nUsage:\n  {Executable} [command] [options]\n\nOptions:\n{options}\nCommands:\n{Table(list)}\n");
        return noCommandGiven is null ? 0 : BadUsage;
    }

    private static int Fail(TextWriter stderr, string error, AgentCommand? command)
    {
        var help = command is null ? $"{Executable} --help" : $"{Executable} {command.Name} --help";
        stderr.WriteLine($"{Executable}: {error}");
        stderr.WriteLine($"Run '{help}' for usage.");
        return BadUsage;
    }

    // Loops, not LINQ, over the (left, right) rows: LINQ over value tuples costs the AOT binary (docs/agent.md).
    private static string Table(List<(string Left, string Right)> rows)
    {
        var width = 0;
        foreach (var (left, _) in rows) { width = Math.Max(width, left.Length + 2); }
        var text = new System.Text.StringBuilder();
        foreach (var (left, right) in rows) { text.Append("  ").Append(left.PadRight(width)).Append(right).Append('\n'); }
        return text.ToString();
    }

    private static bool IsHelp(string token) => Array.IndexOf(HelpNames, token) >= 0;

    private static AgentCommand? Find(IReadOnlyList<AgentCommand> commands, string name) => commands.FirstOrDefault(c => c.Name == name);
}
