using System.Globalization;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>The terminal report: findings first, facts apart from likely causes, then the commands. Colour only on a TTY.</summary>
public sealed class HumanReport
{
    private const int MaxEvidenceChars = 400;
    private readonly TextWriter _out;
    private readonly bool _color;

    /// <summary>The inputs' names when there are several (evidence then says which file its line counts in), else null.</summary>
    private readonly IReadOnlyList<string>? _inputs;

    public HumanReport(TextWriter output, bool color, IReadOnlyList<string>? inputs = null)
    {
        _out = output;
        _color = color;
        _inputs = inputs;
    }

    public void Write(IReadOnlyList<Finding> findings, long records, long failures, string source)
    {
        _out.WriteLine(Bold(string.Create(CultureInfo.InvariantCulture,
            $"{source}: {records:N0} records, {failures:N0} upstream failure records, {findings.Count} finding(s)")));
        if (findings.Count == 0)
        {
            _out.WriteLine(records == 0 ? "No log records in the input." : "No upstream failure found.");
            return;
        }

        foreach (var f in findings)
        {
            WriteFinding(f);
        }
    }

    private void WriteFinding(Finding f)
    {
        _out.WriteLine();
        var target = f.Target is null ? string.Empty : $" — {f.Target}{(f.Scheme is null ? string.Empty : $" ({f.Scheme})")}";
        var refined = f.RootCause != f.Cause ? $" (from {f.Cause})" : string.Empty;
        _out.WriteLine($"{Color("1;31", "▶ " + f.RootCause)}{refined}{target}   [confidence: {f.Confidence.ToString().ToLowerInvariant()}]");
        _out.WriteLine("  " + f.Summary);
        Section("Facts (from the records)", f.Facts, "• ");
        Section("Likely causes (not proven by the lines)", f.LikelyCauses, "• ");
        Section("Evidence", f.Evidence.Select(e => string.Create(CultureInfo.InvariantCulture,
            $"{Where(e)} [{e.Cause}, {ClientStatus.Format(e.Status)}]: {Cut(e.Text)}")), "");
        Section("Fix", f.Remediation, "$ ", "36");
        Section("To confirm on the host (an agent can check)", f.ToConfirm, "? ");
    }

    private void Section(string title, IEnumerable<string> lines, string bullet, string? color = null)
    {
        var list = lines.ToList();
        if (list.Count == 0)
        {
            return;
        }

        _out.WriteLine("  " + Bold(title));
        foreach (var line in list)
        {
            var text = bullet == "$ " && line.StartsWith('#') ? line : bullet + line;
            _out.WriteLine("    " + (color is null ? text : Color(color, text)));
        }
    }

    private string Where(LogRecord e) => _inputs is null
        ? string.Create(CultureInfo.InvariantCulture, $"line {e.Line}")
        : string.Create(CultureInfo.InvariantCulture, $"{_inputs[e.Input]} line {e.Line}");

    private static string Cut(string text)
    {
        var oneLine = text.Replace('\n', '⏎');
        return oneLine.Length > MaxEvidenceChars ? oneLine[..MaxEvidenceChars] + "…" : oneLine;
    }

    private string Bold(string s) => Color("1", s);

    private string Color(string code, string s) => _color ? $"\u001b[{code}m{s}\u001b[0m" : s;
}
