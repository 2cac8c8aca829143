using System.Globalization;

namespace Nginx502Bot.Agent.Cli;

/// <summary>The options given on a command line, their values already checked against <see cref="CliValueKind"/>.</summary>
public sealed class CliArguments(IReadOnlyDictionary<string, string?> values)
{
    /// <summary>True when the flag was given bare or as <c>--name=true</c>.</summary>
    public bool Flag(string name) => values.TryGetValue(name, out var v) && (v is null || bool.Parse(v));

    public string? Text(string name) => values.GetValueOrDefault(name);

    public int? WholeNumber(string name) => Text(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : null;

    public DateTime? DateTime(string name) => Text(name) is { } v ? CliParser.ParseDateTime(v) : null;
}
