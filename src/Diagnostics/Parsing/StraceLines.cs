using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// strace's report of a traced process's end, which operators paste when they trace a PHP-FPM or app worker that
/// takes nginx's connection down with it: <c>[pid   988] 13:02:12 +++ killed by SIGSEGV (core dumped) +++</c>, <c>+++
/// exited with 1 +++</c>. strace writes "+++ killed by SIGNAME [(core dumped)] +++" and "+++ exited with N +++", behind
/// "[pid N]" under -f and a time under -t/-tt/-ttt.
/// </summary>
internal static class StraceLines
{
    internal const string KilledBy = "+++ killed by ";
    internal const string ExitedWith = "+++ exited with ";

    private const string End = " +++";

    /// <summary>
    /// The process died on a fatal signal or with a non-zero status (app_crash); a stop or reload signal (TERM, INT, HUP,
    /// QUIT) and status 0 are context, as for systemd's lines about a unit's main process. Taken only when the line is
    /// strace's report alone, behind its pid and time columns at most.
    /// </summary>
    internal static bool TryExit(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOf("+++ ", StringComparison.Ordinal);
        if (at < 0 || at > CompanionLineParser.MaxCompanionPrefix || !s.TrimEnd().EndsWith(End, StringComparison.Ordinal))
        {
            return false;
        }

        var pid = -1;
        if (!IsTraceHead(s[..at], ref pid))
        {
            return false;
        }

        var report = s[at..].TrimEnd();
        if (report.Length < ExitedWith.Length + End.Length)
        {
            return false;
        }

        string cause;
        if (report.StartsWith(KilledBy, StringComparison.Ordinal))
        {
            var signal = report[KilledBy.Length..^End.Length];
            var space = signal.IndexOf(' ');
            var name = space < 0 ? signal : signal[..space];
            if (!name.StartsWith("SIG", StringComparison.Ordinal))
            {
                return false;
            }

            cause = StopSignals.Contains(name) ? Causes.NotAnUpstreamError : Causes.AppCrash;
        }
        else if (report.StartsWith(ExitedWith, StringComparison.Ordinal))
        {
            var status = report[ExitedWith.Length..^End.Length];
            if (status.IsEmpty || status.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            cause = status.SequenceEqual("0") ? Causes.NotAnUpstreamError : Causes.AppCrash;
        }
        else
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Pid = pid;
        c.Message = Segment.Between(at, at + report.Length);
        c.Cause = cause;
        return true;
    }

    /// <summary>What strace puts before its report: nothing, "[pid N]" (-f), then a time ("13:02:12", "13:02:12.123456", "1700000000.123456").</summary>
    private static bool IsTraceHead(ReadOnlySpan<char> head, ref int pid)
    {
        head = head.Trim();
        if (head.StartsWith("[pid ", StringComparison.Ordinal))
        {
            var close = head.IndexOf(']');
            if (close < 0 || !int.TryParse(head["[pid ".Length..close].Trim(), out pid))
            {
                return false;
            }

            head = head[(close + 1)..].Trim();
        }

        return !head.ContainsAnyExcept(TimeChars);
    }

    private static readonly System.Buffers.SearchValues<char> TimeChars = System.Buffers.SearchValues.Create("0123456789:.");
}
