using System.Globalization;

namespace Nginx502Bot.Agent.Cli;

/// <summary>
/// Reads <c>--name value</c>, <c>--name=value</c> and flags against a command's options. The last occurrence of an
/// option wins; anything else (an unknown option, a stray word, a missing or malformed value) is an error.
/// </summary>
public static class CliParser
{
    /// <summary>The arguments, or null with <paramref name="error"/> saying what is wrong.</summary>
    public static CliArguments? Parse(IReadOnlyList<CliOption> options, IReadOnlyList<string> tokens, out string? error)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            var (name, inline) = Split(tokens[i]);
            var option = Find(options, name);
            if (option is null)
            {
                error = name.StartsWith('-') ? $"unrecognized option '{name}'" : $"unexpected argument '{tokens[i]}'";
                return null;
            }

            var value = option.Kind == CliValueKind.Flag ? inline : inline ?? (i + 1 < tokens.Count ? tokens[++i] : null);
            error = Check(option, value);
            if (error is not null) { return null; }
            values[option.Name] = value;
        }

        error = null;
        return new CliArguments(values);
    }

    /// <summary>How <see cref="CliValueKind.DateTime"/> values are read (as System.CommandLine read them before).</summary>
    public static DateTime? ParseDateTime(string value) => DateTime.TryParse(value, out var d) ? d : null;

    private static (string Name, string? Inline) Split(string token)
    {
        var eq = token.StartsWith("--", StringComparison.Ordinal) ? token.IndexOf('=', StringComparison.Ordinal) : -1;
        return eq < 0 ? (token, null) : (token[..eq], token[(eq + 1)..]);
    }

    private static CliOption? Find(IReadOnlyList<CliOption> options, string name) => options.FirstOrDefault(o => o.Name == name);

    private static string? Check(CliOption option, string? value) => option.Kind switch
    {
        CliValueKind.Flag when value is not null && !bool.TryParse(value, out _) => $"{option.Name} takes no value",
        CliValueKind.Flag => null,
        _ when value is null => $"{option.Name} needs a value",
        CliValueKind.WholeNumber when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) => $"{option.Name}: '{value}' is not a whole number",
        CliValueKind.DateTime when ParseDateTime(value) is null => $"{option.Name}: '{value}' is not a date and time",
        _ => null,
    };
}
