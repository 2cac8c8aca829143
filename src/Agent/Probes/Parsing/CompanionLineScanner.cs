using System.Globalization;
using System.Text.RegularExpressions;
using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Agent.Probes.Parsing;

/// <summary>
/// Recognises the backend, kernel and audit lines that turn a line-level cause into a root cause (PHP-FPM pool
/// limits, worker crashes and timeouts, PHP fatals, OOM kills, segfaults, SELinux AVCs) and their times.
/// </summary>
public static partial class CompanionLineScanner
{
    /// <summary>Scans text; <paramref name="year"/> completes syslog dates that carry none.</summary>
    public static IEnumerable<HostEvent> Scan(string text, string file, string probe, int year, int firstLine = 1)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (Classify(lines[i].TrimEnd('\r'), year) is { } e)
            {
                yield return e with { Probe = probe, Location = new SourceLocation(file, firstLine + i) };
            }
        }
    }

    public static HostEvent? Classify(string line, int year)
    {
        Match m;
        string? cause = null, subject = null;
        if ((m = MaxChildren().Match(line)).Success) { cause = Causes.FpmPoolExhausted; subject = m.Groups[1].Value; }
        else if ((m = ExitedOnSignal().Match(line)).Success) { cause = Causes.AppCrash; subject = m.Groups[1].Value; }
        else if ((m = ExecutionTimedOut().Match(line)).Success) { cause = Causes.AppWorkerTimeout; subject = m.Groups[1].Value; }
        else if (line.Contains("PHP Fatal error", StringComparison.Ordinal)) { cause = Causes.PhpFatal; }
        else if ((m = OomKilled().Match(line)).Success) { cause = Causes.OomKilled; subject = m.Groups[1].Value; }
        else if ((m = Segfault().Match(line)).Success) { cause = Causes.AppCrash; subject = m.Groups[1].Value; }
        else if ((m = Avc().Match(line)).Success) { cause = Causes.SelinuxDenied; subject = m.Groups[1].Value; }
        else if (line.Contains("WORKER TIMEOUT", StringComparison.Ordinal)) { cause = Causes.AppWorkerTimeout; subject = "gunicorn"; }

        return cause is null ? null : new HostEvent
        {
            Cause = cause, Subject = subject, Text = line.Length > 400 ? line[..400] : line, Time = Time(line, year), Probe = "",
        };
    }

    /// <summary>PHP-FPM <c>[21-Nov-2026 14:00:01]</c>, ISO 8601 (journal, rsyslog), syslog <c>Nov 21 14:00:01</c>, audit epoch.</summary>
    public static DateTime? Time(string line, int year)
    {
        Match m;
        if ((m = FpmTime().Match(line)).Success
            && DateTime.TryParseExact(m.Groups[1].Value, "dd-MMM-yyyy HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t1)) { return t1; }
        if ((m = IsoTime().Match(line)).Success && DateTimeOffset.TryParse(m.Groups[1].Value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t2))
        {
            return m.Groups[2].Success ? t2.LocalDateTime : t2.DateTime;
        }

        if ((m = SyslogTime().Match(line)).Success
            && DateTime.TryParseExact($"{year} {m.Groups[1].Value}", "yyyy MMM d HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var t3)) { return t3; }
        if ((m = AuditTime().Match(line)).Success && long.TryParse(m.Groups[1].Value, out var epoch))
        {
            return DateTimeOffset.FromUnixTimeSeconds(epoch).LocalDateTime;
        }

        return null;
    }

    [GeneratedRegex(@"\[pool ([^\]]+)\] server reached (?:pm\.)?max_children")]
    private static partial Regex MaxChildren();

    [GeneratedRegex(@"\[pool ([^\]]+)\] child \d+ exited on signal")]
    private static partial Regex ExitedOnSignal();

    [GeneratedRegex(@"\[pool ([^\]]+)\] child \d+, script .* execution timed out")]
    private static partial Regex ExecutionTimedOut();

    [GeneratedRegex(@"(?:Out of memory|Memory cgroup out of memory): Kill(?:ed)? process \d+ \(([^)]+)\)")]
    private static partial Regex OomKilled();

    [GeneratedRegex(@"\b([\w.-]+)\[\d+\]: segfault at ")]
    private static partial Regex Segfault();

    [GeneratedRegex(@"avc:\s+denied\s+\{[^}]*\}.*?\bcomm=""([^""]+)""")]
    private static partial Regex Avc();

    [GeneratedRegex(@"^\[(\d{2}-[A-Za-z]{3}-\d{4} \d{2}:\d{2}:\d{2})")]
    private static partial Regex FpmTime();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)")]
    private static partial Regex IsoTime();

    [GeneratedRegex(@"^([A-Z][a-z]{2} +\d{1,2} \d{2}:\d{2}:\d{2})")]
    private static partial Regex SyslogTime();

    [GeneratedRegex(@"audit\((\d+)\.\d+:\d+\)")]
    private static partial Regex AuditTime();
}
