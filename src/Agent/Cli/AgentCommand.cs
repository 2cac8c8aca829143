namespace Nginx502Bot.Agent.Cli;

/// <summary>A subcommand of the agent executable: its options, help text and what it runs (returning the exit status).</summary>
public sealed record AgentCommand(string Name, string Description, IReadOnlyList<CliOption> Options, Func<CliArguments, CancellationToken, Task<int>> Run);
