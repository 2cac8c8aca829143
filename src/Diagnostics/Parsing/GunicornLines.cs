using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// gunicorn's arbiter and workers (<c>[CRITICAL] WORKER TIMEOUT (pid:1240)</c>, <c>Worker (pid:15) was sent SIGKILL</c>),
/// in every time form its versions wrote.
/// </summary>
internal static class GunicornLines
{
    /// <summary>gunicorn before 19.x: <c>2010-07-28 23:01:19 [5869] [CRITICAL] WORKER TIMEOUT (pid:5870)</c>, no brackets around the time.</summary>
    internal static bool TryGunicornPlain(ReadOnlySpan<char> s, ref CompanionLine c) =>
        s.Length > 21 && s[19] == ' ' && s[20] == '[' && TimeParsing.Iso(s) is { } iso && Gunicorn(s, 20, iso, ref c);

    /// <summary>
    /// gunicorn's arbiter message about a worker with no time and pid brackets, alone or behind a level word a log view
    /// put there (Cloud Logging's severity column "ERROR     Worker (pid:113) was sent SIGKILL! ...", a writer's
    /// lower-case "[error] Worker (pid:...) ..."). Only the messages naming a worker by pid are taken, and only behind
    /// nothing but a gunicorn level, bracketed or not, in any case.
    /// </summary>
    internal static bool TryGunicornBare(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOf("WORKER TIMEOUT (pid:", StringComparison.Ordinal);
        at = at >= 0 ? at : s.IndexOf("Worker (pid:", StringComparison.Ordinal);
        at = at >= 0 ? at : s.IndexOf("Worker with pid ", StringComparison.Ordinal);
        at = at >= 0 ? at : s.IndexOf(WorkerSentWithoutPid, StringComparison.Ordinal);
        if (at < 0 || at > 24)
        {
            return false;
        }

        var head = s[..at].Trim(' ');
        if (head.Length > 2 && head[0] == '[' && head[^1] == ']')
        {
            head = head[1..^1];
        }

        if (!head.IsEmpty && !IsGunicornLevelAnyCase(head) && !IsMarkOnly(head))
        {
            return false;
        }

        c.Kind = RecordKind.Gunicorn;
        c.Message = Segment.Between(at, s.Length);
        GunicornMessage(s[at..], ref c);
        return true;
    }

    /// <summary>
    /// The arbiter's SIGKILL line with the pid dropped by the writer, as notes and guides quote it ("Worker was sent
    /// SIGKILL! Perhaps out of memory?").
    /// </summary>
    internal const string WorkerSentWithoutPid = "Worker was sent SIG";

    /// <summary>A head of marks only, no letter or digit: a list's bullet or an emoji before the line ("❌ ", "- ", "* ").</summary>
    private static bool IsMarkOnly(ReadOnlySpan<char> head)
    {
        foreach (var ch in head)
        {
            if (char.IsLetterOrDigit(ch))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// gunicorn's arbiter with its pid and level but no time, as a note quoted it: <c>[20153] [WARNING] Worker with pid
    /// 20154 was terminated due to signal 9</c>. <paramref name="rest"/> is where the text after the pid bracket starts;
    /// only the arbiter's lines about a worker are taken.
    /// </summary>
    internal static bool TryWithoutTime(ReadOnlySpan<char> s, ReadOnlySpan<char> pid, int rest, ref CompanionLine c)
    {
        if (pid.IsEmpty || pid.ContainsAnyExceptInRange('0', '9') || rest >= s.Length || s[rest] != '[')
        {
            return false;
        }

        var close = s[rest..].IndexOf(']');
        var msgStart = rest + close + 2;
        if (close < 2 || !IsGunicornLevel(s.Slice(rest + 1, close - 1)) || msgStart > s.Length || !IsGunicornWorkerLine(s[msgStart..]))
        {
            return false;
        }

        c.Kind = RecordKind.Gunicorn;
        c.Level = new Segment(rest + 1, close - 1);
        c.Message = Segment.Between(msgStart, s.Length);
        GunicornMessage(s[msgStart..], ref c);
        return true;
    }

    /// <summary>
    /// gunicorn's arbiter through Python's rich logging handler, as Immich's machine-learning service logs it: the time
    /// bracket (read by the caller), then the level name padded to eight characters, then the message
    /// (<c>[09/06/23 10:36:29] CRITICAL WORKER TIMEOUT (pid:4585)</c>, <c>[07/06/25 11:56:26] ERROR    Worker (pid:9) was
    /// sent SIGKILL! Perhaps out of ...</c>). Only the arbiter's lines about a worker are taken.
    /// </summary>
    internal static bool TryRichHandler(ReadOnlySpan<char> s, int at, DateTime time, ref CompanionLine c)
    {
        var levelEnd = s[at..].IndexOf(' ');
        if (levelEnd <= 0 || !IsGunicornLevel(s.Slice(at, levelEnd)))
        {
            return false;
        }

        var msgStart = at + levelEnd;
        while (msgStart < s.Length && s[msgStart] == ' ')
        {
            msgStart++;
        }

        if (!IsGunicornWorkerLine(s[msgStart..]))
        {
            return false;
        }

        c.Kind = RecordKind.Gunicorn;
        c.Time = time;
        c.Level = new Segment(at, levelEnd);
        c.Message = Segment.Between(msgStart, s.Length);
        GunicornMessage(s[msgStart..], ref c);
        return true;
    }

    private static bool IsGunicornLevelAnyCase(ReadOnlySpan<char> head)
    {
        foreach (var level in GunicornLevels)
        {
            if (head.Equals(level, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// gunicorn's arbiter line anywhere in a sentence, with or without its time and pid brackets ("gunicorn keeps giving a
    /// [CRITICAL] WORKER TIMEOUT .", "error example \"[2016-04-13 06:27:41 -0400] [23657] [CRITICAL] WORKER TIMEOUT ..."),
    /// or behind a log view's own columns ("2026/02/02 11:03:30 | stderr | [...] [120] [ERROR] Exception in worker
    /// process"): read from its first bracket, up to the quote that opened it, if any. "Exception in worker process" is
    /// taken only with its time and pid brackets before it.
    /// </summary>
    internal static bool TryGunicornInProse(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var marker = s.IndexOf("] WORKER TIMEOUT", StringComparison.Ordinal);
        marker = marker >= 0 ? marker : s.IndexOf("] Worker (pid:", StringComparison.Ordinal);
        marker = marker >= 0 ? marker : s.IndexOf("] " + WorkerException, StringComparison.Ordinal);
        var start = marker > 0 ? s[..marker].LastIndexOf('[') : -1;

        // Back over the pid and time brackets before the level: "[time] [pid] [LEVEL]".
        for (var round = 0; round < 2 && start > 2 && s[start - 1] == ' ' && s[start - 2] == ']'; round++)
        {
            var open = s[..(start - 2)].LastIndexOf('[');
            if (open < 0)
            {
                break;
            }

            start = open;
        }

        var closing = start > 0 && s[start - 1] is '"' or '`' or '\'' ? s[start - 1] : '\0';
        return start > 0 && CompanionLineParser.TryAt(s, start, closing, ref c);
    }

    internal static bool Gunicorn(ReadOnlySpan<char> s, int at, DateTime time, ref CompanionLine c)
    {
        // [pid] [LEVEL] message
        var p = at;
        if (p >= s.Length || s[p] != '[')
        {
            return false;
        }

        var pidEnd = s[p..].IndexOf(']');
        if (pidEnd < 0)
        {
            return false;
        }

        p += pidEnd + 1;
        while (p < s.Length && s[p] == ' ')
        {
            p++;
        }

        if (p >= s.Length || s[p] != '[')
        {
            return false;
        }

        var levelEnd = s[p..].IndexOf(']');
        if (levelEnd < 0)
        {
            return false;
        }

        c.Kind = RecordKind.Gunicorn;
        c.Time = time;
        c.Level = new Segment(p + 1, levelEnd - 1);
        var msgStart = Math.Min(s.Length, p + levelEnd + 2);
        c.Message = Segment.Between(msgStart, s.Length);
        GunicornMessage(s[msgStart..], ref c);
        return true;
    }

    private static readonly string[] GunicornLevels = ["CRITICAL", "ERROR", "WARNING", "INFO", "DEBUG"];

    internal static bool IsGunicornLevel(ReadOnlySpan<char> inner)
    {
        foreach (var level in GunicornLevels)
        {
            if (inner.SequenceEqual(level))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// gunicorn's error logger name, which a logging configuration with <c>%(name)s</c> prints before the message
    /// ("[ERROR] gunicorn.error: WORKER TIMEOUT (pid:23475)", as gunicorn 19 setups often logged it).
    /// </summary>
    private const string GunicornLoggerName = "gunicorn.error: ";

    /// <summary>The same name followed by <c>%(lineno)s %(funcName)s</c> ("gunicorn.error:175 critical WORKER TIMEOUT ...").</summary>
    private const string GunicornLoggerNameAndLine = "gunicorn.error:";

    private static ReadOnlySpan<char> WithoutLoggerName(ReadOnlySpan<char> m)
    {
        if (m.StartsWith(GunicornLoggerName, StringComparison.Ordinal))
        {
            return m[GunicornLoggerName.Length..];
        }

        if (!m.StartsWith(GunicornLoggerNameAndLine, StringComparison.Ordinal))
        {
            return m;
        }

        // "%(name)s:%(lineno)s %(funcName)s ": the line number's digits, then the logging method's name (critical, error).
        var rest = m[GunicornLoggerNameAndLine.Length..];
        var digits = rest.IndexOfAnyExceptInRange('0', '9');
        if (digits <= 0 || rest[digits] != ' ')
        {
            return m;
        }

        var function = rest[(digits + 1)..];
        var end = function.IndexOf(' ');
        return end > 0 && !function[..end].ContainsAnyExceptInRange('a', 'z') ? function[(end + 1)..] : m;
    }

    /// <summary>The arbiter's messages about its workers, the only gunicorn lines recognised without time and pid.</summary>
    internal static bool IsGunicornWorkerLine(ReadOnlySpan<char> line) => WithoutLoggerName(line) is var m &&
        (m.StartsWith("WORKER TIMEOUT", StringComparison.Ordinal) || m.StartsWith("Worker (pid:", StringComparison.Ordinal)
        || m.StartsWith("Worker with pid", StringComparison.Ordinal) || m.StartsWith("Booting worker with pid", StringComparison.Ordinal)
        || m.StartsWith("Worker exiting (pid:", StringComparison.Ordinal) || m.StartsWith(ReasonBootFailed, StringComparison.Ordinal));

    /// <summary>The arbiter's last line when it gives up because a worker could not boot (it exits, the app is gone).</summary>
    internal const string ReasonBootFailed = "Reason: Worker failed to boot";

    /// <summary>
    /// The arbiter's spawn_worker logs this when a worker's init_process raises (the app failed to import or to start),
    /// then always ends the worker (sys.exit with WORKER_BOOT_ERROR before it booted, -1 after): the worker is gone.
    /// </summary>
    internal const string WorkerException = "Exception in worker process";

    /// <summary>
    /// The arbiter's "Worker with pid N was terminated due to signal N", read up to "due to" so that a line a pager or
    /// systemctl cut at the terminal's width ("... was terminated due to sig") still says the worker died on a signal.
    /// </summary>
    private const string TerminatedDueTo = "was terminated due to";

    internal static void GunicornMessage(ReadOnlySpan<char> line, ref CompanionLine c)
    {
        var m = WithoutLoggerName(line);
        c.Pid = PidAfter(m, "pid:");
        if (m.StartsWith("WORKER TIMEOUT", StringComparison.Ordinal))
        {
            c.Cause = Causes.AppWorkerTimeout;
        }
        else if (m.Contains("was sent SIGKILL", StringComparison.Ordinal) || m.Contains("was sent SIGSEGV", StringComparison.Ordinal)
            || (m.Contains(TerminatedDueTo, StringComparison.Ordinal) && !TerminatedByStop(m)) || m.Contains("Worker failed to boot", StringComparison.Ordinal)
            || (m.Contains("exited with code", StringComparison.Ordinal) && !m.Contains("exited with code 0", StringComparison.Ordinal))
            || m.StartsWith(WorkerException, StringComparison.Ordinal))
        {
            c.Cause = Causes.AppCrash;
            if (c.Pid < 0)
            {
                c.Pid = PidAfter(m, "pid ");
            }
        }
    }

    /// <summary>
    /// "... was terminated due to signal 15": the arbiter's own SIGTERM as it stops or reloads (or HUP, INT, QUIT), a stop
    /// and not a death. A cut line or another signal is read as a death.
    /// </summary>
    private static bool TerminatedByStop(ReadOnlySpan<char> m)
    {
        const string DueToSignal = "was terminated due to signal ";
        var i = m.IndexOf(DueToSignal, StringComparison.Ordinal);
        if (i < 0)
        {
            return false;
        }

        var p = i + DueToSignal.Length;
        return StopSignals.ContainsNumber(DecimalText.ReadNumber(m, ref p));
    }

    /// <summary>
    /// The exception gunicorn's launcher prints when the arbiter halts (<c>gunicorn.errors.HaltServer: &lt;HaltServer 'Worker
    /// failed to boot.' 3&gt;</c>, <c>'App failed to load.' 4</c>): the traceback's last line, whose number is the exit status
    /// the arbiter gives sys.exit. gunicorn has stopped; a non-zero status is its crash (the app behind nginx is gone), as
    /// the arbiter's "Reason: Worker failed to boot." is. Only the class and its representation near the line's start count.
    /// </summary>
    internal const string HaltServer = "HaltServer: <HaltServer '";

    /// <summary>The launcher's HaltServer line (see <see cref="HaltServer"/>) with a non-zero exit status, read as gunicorn's crash.</summary>
    internal static bool TryHaltServer(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOf(HaltServer, StringComparison.Ordinal);
        var start = at < 0 ? -1 : at - (s[..at].EndsWith("gunicorn.errors.", StringComparison.Ordinal) ? "gunicorn.errors.".Length : 0);
        var reason = at + HaltServer.Length;
        var quote = start is < 0 or > CompanionLineParser.MaxCompanionPrefix ? -1 : s[reason..].IndexOf("' ", StringComparison.Ordinal);
        var close = quote < 0 ? -1 : s[(reason + quote + 2)..].IndexOf('>');
        if (close <= 0 || !int.TryParse(s.Slice(reason + quote + 2, close), out var status) || status == 0
            || (start > 0 && char.IsLetterOrDigit(s[start - 1])))
        {
            return false;
        }

        c.Kind = RecordKind.Gunicorn;
        c.Message = Segment.Between(start, reason + quote + 2 + close + 1);
        c.Cause = Causes.AppCrash;
        return true;
    }

    internal static int PidAfter(ReadOnlySpan<char> m, string marker)
    {
        var i = m.IndexOf(marker, StringComparison.Ordinal);
        if (i < 0)
        {
            return -1;
        }

        var p = i + marker.Length;
        while (p < m.Length && m[p] == ' ')
        {
            p++;
        }

        var pid = DecimalText.ReadNumber(m, ref p);
        return DecimalText.Pid(pid);
    }
}
