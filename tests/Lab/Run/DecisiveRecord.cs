using System.Text.RegularExpressions;

namespace Nginx502Bot.Lab.Run;

/// <summary>
/// Picks the record that decides a request's outcome: the last nginx record at level error or above naming the request
/// (its <c>request: "..."</c> field). Warn and info lines (upstream server temporarily disabled) do not decide while an
/// error record exists; an earlier attempt's error is superseded by the last one, as nginx's final status comes from the
/// last failing attempt. With no error record, the last record naming the request decides (a client abort is [info]).
/// </summary>
public static partial class DecisiveRecord
{
    /// <summary>Returns the 1-based start line of the decisive record among <paramref name="lines"/>, or null.</summary>
    public static int? Find(IReadOnlyList<string> lines, string requestLine)
    {
        var marker = $"request: \"{requestLine}\"";
        int? decisive = null;
        int? anyLevel = null;
        var start = -1;
        var level = "";
        for (var i = 0; i < lines.Count; i++)
        {
            var prefix = Prefix().Match(lines[i]);
            if (prefix.Success)
            {
                start = i;
                level = prefix.Groups["level"].Value;
            }

            if (start < 0 || !lines[i].Contains(marker, StringComparison.Ordinal))
            {
                continue;
            }

            anyLevel = start + 1;
            if (level is "error" or "crit" or "alert" or "emerg")
            {
                decisive = start + 1;
            }
        }

        return decisive ?? anyLevel;
    }

    /// <summary>The whole record starting at 1-based <paramref name="startLine"/>: its first line and any continuation lines.</summary>
    public static string Text(IReadOnlyList<string> lines, int startLine)
    {
        var end = startLine;
        while (end < lines.Count && !Prefix().IsMatch(lines[end]))
        {
            end++;
        }

        return string.Join('\n', lines.Skip(startLine - 1).Take(end - startLine + 1));
    }

    [GeneratedRegex(@"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2} \[(?<level>[a-z]+)\] ")]
    private static partial Regex Prefix();
}
