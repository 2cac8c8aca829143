namespace Nginx502Bot.Agent.Cli;

/// <summary>What an option's value must parse as; checked when the command line is read.</summary>
public enum CliValueKind
{
    /// <summary>A switch without a value (<c>--insecure</c>).</summary>
    Flag,
    Text,
    WholeNumber,
    /// <summary>Parsed as <see cref="DateTime.TryParse(string?, out DateTime)"/> does (invariant culture here).</summary>
    DateTime,
}
