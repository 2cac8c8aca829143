using System.Globalization;

namespace Nginx502Bot.Diagnostics.Tests.Corpus;

/// <summary>
/// Reads <c>public-lines.txt</c>: blank-line separated entries of <c>key: value</c> lines (format in the file's header).
/// Malformed entries throw, so a typo in the corpus fails the tests instead of silently dropping a line.
/// </summary>
public static class PublicCorpus
{
    public const string FileName = "public-lines.txt";

    private static readonly Lazy<IReadOnlyList<CorpusEntry>> Cached = new(() => Parse(File.ReadAllLines(PathOf())));

    public static IReadOnlyList<CorpusEntry> Entries => Cached.Value;

    public static string PathOf() => Path.Combine(AppContext.BaseDirectory, "Corpus", FileName);

    public static IReadOnlyList<CorpusEntry> Parse(IReadOnlyList<string> fileLines)
    {
        var entries = new List<CorpusEntry>();
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = new List<string>();
        var textLine = 0;
        for (var i = 0; i <= fileLines.Count; i++)
        {
            var raw = i < fileLines.Count ? fileLines[i] : string.Empty;
            if (raw.Length == 0)
            {
                if (fields.Count > 0 || text.Count > 0)
                {
                    entries.Add(Build(fields, text, textLine));
                }

                fields.Clear();
                text.Clear();
                continue;
            }

            if (raw[0] == '#')
            {
                continue;
            }

            var colon = raw.IndexOf(": ", StringComparison.Ordinal);
            var key = colon < 0 ? raw.TrimEnd(':') : raw[..colon];
            var value = colon < 0 ? string.Empty : raw[(colon + 2)..];
            switch (key)
            {
                case "line" when text.Count == 0:
                    textLine = i + 1;
                    text.Add(value);
                    break;
                case "line+" when text.Count > 0:
                    text.Add(value);
                    break;
                case "source" or "expect" or "note" or "known-miss" when !fields.ContainsKey(key):
                    fields[key] = value;
                    break;
                default:
                    throw new FormatException($"{FileName}:{i + 1}: unexpected '{key}'");
            }
        }

        return entries;
    }

    private static CorpusEntry Build(Dictionary<string, string> fields, List<string> text, int textLine)
    {
        if (text.Count == 0 || !fields.TryGetValue("source", out var source) || !fields.TryGetValue("expect", out var expect))
        {
            throw new FormatException($"{FileName}: entry before line {textLine} needs source, expect and line");
        }

        var parts = expect.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            throw new FormatException($"{FileName}:{textLine}: expect is '<cause> <status>'");
        }

        return new CorpusEntry
        {
            FileLine = textLine,
            Source = source,
            Cause = parts[0],
            Status = ParseStatus(parts[1], textLine),
            Note = fields.GetValueOrDefault("note"),
            KnownMiss = fields.GetValueOrDefault("known-miss"),
            Text = string.Join('\n', text),
        };
    }

    private static int? ParseStatus(string s, int textLine) => s switch
    {
        "-" => null,
        "009" => Vocabulary.ClientStatus.Http09,
        _ when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 100 and <= 599 => n,
        _ => throw new FormatException($"{FileName}:{textLine}: status '{s}' is not 100-599, 009 or -"),
    };
}
