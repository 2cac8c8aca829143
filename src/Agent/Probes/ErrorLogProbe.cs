using System.Globalization;
using System.Text;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// The tail of nginx's error log(s) inside the window (read back from the end only as far as the window reaches), plus the request's pasted excerpt, classified by the engine
/// (<see cref="DiagnosisEngine.AnalyzeFindings"/>). Only logs the configuration names (or Agent:ErrorLogPath) are read.
/// </summary>
public sealed class ErrorLogProbe : IProbe
{
    public const int MaxLogs = 4;

    public string Name => ProbeNames.ErrorLog;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Host;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        string[] logs = context.Evidence.Read(b => context.Options.ErrorLogPath is { } p ? [p] : b.Instances.SelectMany(i => i.ErrorLogs).Distinct().Take(MaxLogs).ToArray());
        var text = new StringBuilder();
        var truncated = false;
        var lines = 0;
        // Only a pasted excerpt needs the lines already read (to skip duplicates): no set of every line otherwise.
        var hasExcerpt = !string.IsNullOrWhiteSpace(context.Query.ErrorLogExcerpt);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var log in logs)
        {
            // nginx writes its log in time order: reading back to the window start (with a minute of slack for workers
            // that stamp a little out of order) sees every line the window keeps.
            if (context.Files.ReadTailSince(log, Slack(context.WindowStart), Stamp) is not { } tail) { continue; }
            truncated |= tail.Truncated;
            lines += AppendInWindow(tail.Text, context.WindowStart, context.WindowEnd, text, hasExcerpt ? seen : null);
        }

        // The pasted excerpt usually comes from this very log: lines already read from the tail are not counted twice.
        if (hasExcerpt)
        {
            foreach (var line in context.Query.ErrorLogExcerpt!.Split('\n'))
            {
                var trimmed = line.TrimEnd('\r');
                if (trimmed.Length > 0 && !seen.Contains(trimmed)) { text.Append(trimmed).Append('\n'); }
            }
        }
        if (text.Length == 0) { return Task.FromResult(new ProbeOutcome(ProbeStatus.NothingFound, "no error-log lines in the window", truncated)); }

        var diagnosis = DiagnosisEngine.AnalyzeFindings(text.ToString());
        context.Evidence.SetDiagnosis(diagnosis);
        return Task.FromResult(new ProbeOutcome(ProbeStatus.Ok, $"{lines} log lines, {diagnosis.Findings.Count} findings", truncated));
    }

    /// <summary>A minute before <paramref name="start"/>; a window that starts at the dawn of time reads the whole capped tail.</summary>
    private static DateTime Slack(DateTime start) => start > DateTime.MinValue.AddMinutes(1) ? start.AddMinutes(-1) : DateTime.MinValue;

    /// <summary>The time of an nginx line (<c>2026/11/21 14:00:01 [error] ...</c>), or null for an unstamped line.</summary>
    public static DateTime? Stamp(string line) => TryStamp(line, out var t) ? t : null;

    private static bool TryStamp(ReadOnlySpan<char> line, out DateTime time)
    {
        time = default;
        return line.Length >= 19 && DateTime.TryParseExact(line[..19], "yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    /// <summary>
    /// <see cref="InWindow"/> without a string per line: appends the kept lines (each ending in LF) to
    /// <paramref name="into"/>, adds them to <paramref name="seen"/> when given, and returns how many it kept.
    /// </summary>
    public static int AppendInWindow(string text, DateTime start, DateTime end, StringBuilder into, HashSet<string>? seen)
    {
        var keep = false;
        var kept = 0;
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var nl = rest.IndexOf('\n');
            var line = nl < 0 ? rest : rest[..nl];
            rest = nl < 0 ? default : rest[(nl + 1)..];
            if (TryStamp(line, out var t))
            {
                keep = t >= start && t <= end;
            }

            if (!keep || line.Length == 0) { continue; }
            line = line.TrimEnd('\r');
            into.Append(line).Append('\n');
            seen?.Add(line.ToString());
            kept++;
        }

        return kept;
    }

    /// <summary>Lines stamped inside the window (<c>2026/11/21 14:00:01</c>); unstamped lines follow the last stamped one.</summary>
    public static IEnumerable<string> InWindow(string text, DateTime start, DateTime end)
    {
        var keep = false;
        foreach (var line in text.Split('\n'))
        {
            if (TryStamp(line, out var t))
            {
                keep = t >= start && t <= end;
            }

            if (keep && line.Length > 0) { yield return line.TrimEnd('\r'); }
        }
    }
}
