namespace Nginx502Bot.Agent.Cli;

/// <summary>One <c>--name</c> option of a command, with the help line <c>--help</c> prints for it.</summary>
public sealed record CliOption(string Name, string Help, CliValueKind Kind = CliValueKind.Text)
{
    /// <summary><c>--port &lt;port&gt;</c>, or the bare name for a flag.</summary>
    public string Usage => Kind == CliValueKind.Flag ? Name : $"{Name} <{Name.TrimStart('-')}>";
}
