using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Recognises companion records — PHP-FPM, PHP, gunicorn, uWSGI, kernel (OOM killer, segfaults) and SELinux AVC —
/// and gives each its cause id. Pure and allocation-free; returns false for anything else.
/// </summary>
public static class CompanionLineParser
{
    public static bool TryParse(ReadOnlySpan<char> s, out CompanionLine c) => TryParse(s, out c, quoted: false);

    private static bool TryParse(ReadOnlySpan<char> s, out CompanionLine c, bool quoted)
    {
        c = new CompanionLine { Pid = -1, Level = Segment.None, Subject = Segment.None, Message = Segment.None, Cause = Causes.NotAnUpstreamError };
        if (s.IsEmpty)
        {
            return false;
        }

        var found = s[0] switch
        {
            '[' => TryBracketed(s, ref c),
            't' when s.StartsWith("type=") => KernelLines.TryAudit(s, 0, ref c),
            'a' when s.StartsWith("audit: ") || s.StartsWith("audit(") || s.StartsWith(KernelLines.AvcHead) => KernelLines.TryAudit(s, 0, ref c),
            'P' when s.StartsWith("PHP ") => PhpFpmLines.Php(s, 0, null, ref c),
            'N' or 'W' or 'E' or 'A' when PhpFpmLines.FpmLevel(s, 0) > 0 => PhpFpmLines.Fpm(s, 0, null, ref c),
            'c' when s.StartsWith("child ") => PhpFpmLines.TryFpmChild(s, ref c),
            's' when s.StartsWith(PhpFpmLines.ServerReached) => PhpFpmLines.TryFpmMaster(s, ref c),
            'F' when s.StartsWith(PhpFpmLines.PhpDisplayFatal) => PhpFpmLines.TryPhpDisplay(s, ref c),
            'P' when s.StartsWith(PhpFpmLines.PhpDisplayParse) => PhpFpmLines.TryPhpDisplayParse(s, ref c),
            '<' when s.StartsWith(PhpFpmLines.HtmlBold) => PhpFpmLines.TryPhpHtmlDisplay(s, ref c),
            'w' when s.StartsWith(AppServerLines.UnicornWorker) => AppServerLines.TryUnicornTimeout(s, ref c),
            'n' when s.StartsWith(AppServerLines.NpmExitStatus) => AppServerLines.TryNpmExit(s, ref c),
            'D' or 'I' or 'W' or 'E' or 'F' when s.Length > 4 && s[1] == ',' && s[3] == '[' && AppServerLines.TryUnicorn(s, ref c) => true,
            'C' or 'E' or 'W' or 'I' or 'D' or 'T' or 'B' when ServiceManagerLines.TrySupervisorWithoutTime(s, ref c) => true,
            >= '0' and <= '9' when GunicornLines.TryGunicornPlain(s, ref c) || ServiceManagerLines.TrySupervisor(s, ref c) => true,
            _ => AppServerLines.TryUwsgi(s, 0, ref c) || KernelLines.TryKernel(s, 0, ref c) || KernelLines.TrySelinuxText(s, ref c) || ServiceManagerLines.TrySystemdUnit(s, ref c),
        };
        return found || (!quoted && (TryQuoted(s, ref c) || TryBehindPrefix(s, ref c)));
    }

    /// <summary>
    /// A companion record a reporter quoted inside a sentence:
    /// <c>seen in the logs (`docker logs app`): `[01-Dec-2020 19:59:29] WARNING: [pool www] server reached ...`</c>.
    /// Only a quote (backtick or double quote) that can open a companion record (<see cref="OpensCompanionRecord"/>)
    /// within the first 160 characters is tried; the quoted text must be a whole companion record by itself. Segments are moved back onto the full line.
    /// </summary>
    private static bool TryQuoted(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var window = s[..Math.Min(s.Length, 160)];
        var from = 0;
        while (from < window.Length)
        {
            var i = window[from..].IndexOfAny('`', '"');
            if (i < 0)
            {
                return false;
            }

            var start = from + i + 1;
            from = start;
            if (start >= s.Length || !OpensCompanionRecord(s[start..]))
            {
                continue;
            }

            var end = s[start..].IndexOf(s[start - 1]);
            var inner = end < 0 ? s[start..] : s.Slice(start, end);
            if (TryParse(inner, out var q, quoted: true) || TryQuotedWithoutHead(inner, ref q))
            {
                q.Level = Shift(q.Level, start);
                q.Subject = Shift(q.Subject, start);
                q.Message = Shift(q.Message, start);
                c = q;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A service's own line quoted without the head it is read behind elsewhere: gunicorn's arbiter about a worker, with or
    /// without its pid ("`Worker was sent SIGKILL! Perhaps out of memory?`", "`Worker (pid:…) was sent SIGKILL! ...`"), and
    /// systemd's verdict on a unit with the unit dropped ("`Failed with result 'oom-kill'`").
    /// </summary>
    private static bool TryQuotedWithoutHead(ReadOnlySpan<char> inner, ref CompanionLine q) =>
        (inner.StartsWith("Worker", StringComparison.Ordinal) && GunicornLines.TryGunicornBare(inner, ref q))
        || ServiceManagerLines.TrySystemdWithoutUnit(inner, ref q);

    /// <summary>
    /// A quote can open a companion record: its time bracket, or (the writer dropped time and pool) FPM's level
    /// ("`WARNING: server reached pm.max_children setting (5)`"), FPM's child message, or the kernel's OOM kill.
    /// </summary>
    private static bool OpensCompanionRecord(ReadOnlySpan<char> q) =>
        q[0] == '[' || PhpFpmLines.FpmLevel(q, 0) > 0 || q.StartsWith("child ", StringComparison.Ordinal)
        || q.StartsWith("Out of memory", StringComparison.Ordinal) || q.StartsWith(PhpFpmLines.PhpDisplayFatal, StringComparison.Ordinal)
        || q.StartsWith(AppServerLines.UnicornWorker, StringComparison.Ordinal) || q.StartsWith("Worker ", StringComparison.Ordinal)
        || q.StartsWith(ServiceManagerLines.FailedWithResult, StringComparison.Ordinal) || q.StartsWith(ServiceManagerLines.SystemdMainExit, StringComparison.Ordinal)
        || q.StartsWith(ServiceManagerLines.OomKilledUnit, StringComparison.Ordinal) || q.StartsWith(ServiceManagerLines.SystemdTag, StringComparison.Ordinal)
        || q.StartsWith(ServiceManagerLines.SystemdTagWithoutPid, StringComparison.Ordinal);

    private static Segment Shift(Segment segment, int by) => segment.IsPresent ? new Segment(segment.Start + by, segment.Length) : segment;

    private static bool TryBracketed(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var close = s.IndexOf(']');
        if (close < 2)
        {
            return false;
        }

        var inner = s[1..close];
        var rest = close + 1 < s.Length && s[close + 1] == ' ' ? close + 2 : close + 1;

        // PHP-FPM "[21-Nov-2026 13:41:14] WARNING: ..." and PHP "[21-Nov-2026 13:41:14 UTC] PHP Fatal error: ..."
        if (TimeParsing.DayMonthYear(inner) is { } dmy)
        {
            if (s[rest..].StartsWith("PHP "))
            {
                return PhpFpmLines.Php(s, rest, dmy, ref c);
            }

            return PhpFpmLines.FpmLevel(s, rest) > 0 ? PhpFpmLines.Fpm(s, rest, dmy, ref c) : PhpFpmLines.Php(s, rest, dmy, ref c);
        }

        // gunicorn "[2026-11-21 13:41:14 +0000] [1234] [CRITICAL] WORKER TIMEOUT (pid:1240)"
        // Celery's worker "[2021-09-03 12:36:46,914: ERROR/MainProcess] Process 'ForkPoolWorker-31' pid:90 exited with ...".
        if (TimeParsing.Iso(inner) is { } iso)
        {
            return GunicornLines.Gunicorn(s, rest, iso, ref c) || CeleryLines.TryPoolWorkerExit(s, inner, rest, iso, ref c);
        }

        // dmesg -T "[Sat Nov 21 13:41:14 2026] ..." or dmesg "[12345.678901] ..."
        if (TimeParsing.CTime(inner) is { } ctime)
        {
            c.Time = ctime;
            return KernelLines.TryKernel(s, rest, ref c) || KernelLines.TryAudit(s, rest, ref c);
        }

        if (IsMonotonic(inner))
        {
            return KernelLines.TryKernel(s, rest, ref c) || KernelLines.TryAudit(s, rest, ref c);
        }

        // gunicorn quoted without its time and pid: "[CRITICAL] WORKER TIMEOUT (pid:15)", "[ERROR] Worker (pid:15) exited ...".
        if (GunicornLines.IsGunicornLevel(inner) && GunicornLines.IsGunicornWorkerLine(s[rest..]))
        {
            c.Kind = RecordKind.Gunicorn;
            c.Level = new Segment(1, close - 1);
            c.Message = Segment.Between(rest, s.Length);
            GunicornLines.GunicornMessage(s[rest..], ref c);
            return true;
        }

        // gunicorn through Python's rich logging handler: "[09/06/23 10:36:29] CRITICAL WORKER TIMEOUT (pid:4585)".
        if (TimeParsing.MonthDayShortYear(inner) is { } shortYear && GunicornLines.TryRichHandler(s, rest, shortYear, ref c))
        {
            return true;
        }

        // PHP-FPM logging to syslog: "[WARNING] [pool www] child 12 exited on signal 9 ..."
        if (PhpFpmLines.FpmLevel(s, 1) > 0)
        {
            return PhpFpmLines.Fpm(s, 1, null, ref c);
        }

        // PHP-FPM's pool message quoted without its time and level: "[pool www] server reached pm.max_children setting
        // (10), consider raising it". Taken only when the message is one FPM's master writes with a cause of its own.
        if (inner.StartsWith("pool ", StringComparison.Ordinal) && PhpFpmLines.TryFpmPoolMessage(s, close, rest, ref c))
        {
            return true;
        }

        // Puma's cluster master: "[48246] ! Terminating timed out worker: 48247".
        if (!inner.ContainsAnyExceptInRange('0', '9') && AppServerLines.TryPumaTimeout(s, rest, ref c))
        {
            return true;
        }

        // gunicorn's arbiter with its pid and level but no time: "[20153] [WARNING] Worker with pid 20154 was terminated ...".
        if (GunicornLines.TryWithoutTime(s, inner, rest, ref c))
        {
            return true;
        }

        // nodemon's report of the app's process ending with an error: "[nodemon] app crashed - waiting for file changes ...".
        if (inner.SequenceEqual(AppServerLines.Nodemon) && AppServerLines.TryNodemonCrash(s, rest, ref c))
        {
            return true;
        }

        // A kernel record behind a bracket of the writer's own: dmesg -T with the year cut ("[Tue Sep 16 03:14:22]"), a
        // label ("[Kernel dmesg] [18492.104] Memory cgroup out of memory: ..."). Only kernel messages are taken.
        return KernelLines.TryKernel(s, rest, ref c);
    }

    /// <summary>Words only companion records hold; a line without any is not retried behind a prefix.</summary>
    private static readonly System.Buffers.SearchValues<string> CompanionMarkers = System.Buffers.SearchValues.Create(
        ["[pool ", "max_children setting (", "WORKER TIMEOUT", "Worker (pid", "out of memory", "Out of memory", "oom-kill", "oom_reaper", "HARAKIRI",
            "segfault at", "avc:", "said into stderr", "PHP Fatal", "PHP Parse", "listen queue", "exited on signal", "DAMN ! worker",
            PhpFpmLines.PhpDisplayFatal, PhpFpmLines.PhpDisplayParse, "Worker with pid", GunicornLines.WorkerException, "Segmentation Fault", AppServerLines.PumaTimeout, AppServerLines.Pm2Exit, ServiceManagerLines.SystemdMainExit,
            AppServerLines.PassengerExit, AppServerLines.PassengerMaxRequestTime, "OOMKilled", ServiceManagerLines.SystemctlMainPid, ServiceManagerLines.SystemctlExecStart,
            AppServerLines.OdooRealTimeLimit, AppServerLines.OdooHttpWorker, ServiceManagerLines.SupervisorctlFatal, AppServerLines.NpmExitStatus, AppServerLines.UnicornMasterFailed,
            ServiceManagerLines.SupervisorctlBackoff, ServiceManagerLines.FcgidProcess, ServiceManagerLines.ApacheChildExit, RuntimeCrashLines.PythonFatal, RuntimeCrashLines.V8Fatal,
            RuntimeCrashLines.NimUnhandled, RuntimeCrashLines.NimIllegalStorage, RuntimeCrashLines.DartUnhandled, RuntimeCrashLines.CrystalInvalidAccess, RuntimeCrashLines.GoFatal, StraceLines.KilledBy,
            StraceLines.ExitedWith, RuntimeCrashLines.MonoNativeCrash, RuntimeCrashLines.DumpingStack, ShellJobLines.LineWord,
            RuntimeCrashLines.CaughtSignal, RuntimeCrashLines.CatchingSig, RuntimeCrashLines.CatchingSignal, ShellJobLines.CoreDumped,
            FrameworkFatalLines.FatalErrorClass, FrameworkFatalLines.MemoryLimit, FrameworkFatalLines.TimeLimit, FrameworkFatalLines.MonologUncaught,
            GunicornLines.ReasonBootFailed, GunicornLines.WorkerSentWithoutPid, RuntimeCrashLines.GoPanic, RuntimeCrashLines.DenoUncaught,
            ServiceManagerLines.OomKilledUnit, GunicornLines.HaltServer, ServiceManagerLines.UpstartMainProcess, ServiceManagerLines.UpstartRespawnStopped,
            ServiceManagerLines.BootProcessExited, ServiceManagerLines.StartRepeated],
        StringComparison.Ordinal);

    /// <summary>Widest prefix a writer puts before a companion record ("Line 29: ", "line = \"", "#   ").</summary>
    internal const int MaxCompanionPrefix = 64;

    /// <summary>
    /// A companion record behind a prefix nobody told us about: indentation (a tab in a code block), a comment mark
    /// ("#   [CRITICAL] WORKER TIMEOUT ..."), a label ("Line 29: "), or the quote of a string literal in code or tests
    /// ("line = \"kernel: Out of memory: ...\""). Tried only when nothing else matched and the line holds a companion
    /// marker; each candidate start must be a whole companion record by itself (up to the closing quote, if opened by one).
    /// </summary>
    private static bool TryBehindPrefix(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        if (s.IndexOfAny(CompanionMarkers) < 0)
        {
            return false;
        }

        var window = s[..Math.Min(s.Length, MaxCompanionPrefix)];
        var indent = window.IndexOfAnyExcept(" \t#\u2502");
        var quote = window.IndexOfAny("\"'`");
        var label = window.IndexOf(": ", StringComparison.Ordinal);
        var afterLabel = label < 0 ? -1 : label + 2 + window[(label + 2)..].IndexOfAnyExcept(' ');
        var fpmText = PhpFpmLines.FpmStderrStart(window);

        // An AVC quoted from its own text on, the audit head dropped, behind any prefix ("//! avc: denied { name_connect }
        // for comm=\"nginx\" dest=8069" in a doc comment, round 119).
        var avc = window.IndexOf(KernelLines.AvcHead, StringComparison.Ordinal);
        return TryAt(s, indent, '\0', ref c) || (quote >= 0 && TryAt(s, quote + 1, s[quote], ref c)) || (fpmText > 0 && TryAt(s, fpmText, '\0', ref c))
            || (label >= 0 && TryAt(s, afterLabel > label + 1 ? afterLabel : label + 2, '\0', ref c)) || (avc > 0 && TryAt(s, avc, '\0', ref c)) || GunicornLines.TryGunicornInProse(s, ref c)
            || PhpFpmLines.TryPhpFatalInProse(s, ref c) || GunicornLines.TryGunicornBare(s, ref c) || AppServerLines.TryPm2Exit(s, ref c) || KernelLines.TryKernelBehindTag(s, ref c)
            || ServiceManagerLines.TrySystemdWithoutUnit(s, ref c) || AppServerLines.TryPassengerSpawn(s, ref c) || AppServerLines.TryPassengerMaxRequestTime(s, ref c) || ServiceManagerLines.TryOomKilledReason(s, ref c)
            || ServiceManagerLines.TrySystemctlMainPid(s, ref c) || ServiceManagerLines.TrySystemctlExecStart(s, ref c)
            || AppServerLines.TryOdooWatchdog(s, ref c) || ServiceManagerLines.TrySupervisorctlStatus(s, ref c)
            || ServiceManagerLines.TryFcgidProcessExit(s, ref c) || ServiceManagerLines.TryApacheChildExit(s, ref c) || RuntimeCrashLines.TryCrash(s, ref c) || StraceLines.TryExit(s, ref c)
            || ShellJobLines.TryDeath(s, ref c) || ShellJobLines.TryTerminalReport(s, ref c) || AppServerLines.TryUnicornMasterFailed(s, ref c)
            || FrameworkFatalLines.TryFrameworkFatal(s, ref c) || GunicornLines.TryHaltServer(s, ref c) || ServiceManagerLines.TryUpstartJob(s, ref c)
            || ServiceManagerLines.TryBootScriptExit(s, ref c);
    }

    internal static bool TryAt(ReadOnlySpan<char> s, int start, char closing, ref CompanionLine c)
    {
        if (start <= 0 || start >= s.Length)
        {
            return false;
        }

        var end = closing == '\0' ? -1 : s[start..].IndexOf(closing);
        if (!TryParse(end < 0 ? s[start..] : s.Slice(start, end), out var q, quoted: true)
            || (q.Kind == RecordKind.Php && PhpFpmLines.FollowsServerRelay(s[..start])))
        {
            return false;
        }

        q.Level = Shift(q.Level, start);
        q.Subject = Shift(q.Subject, start);
        q.Message = Shift(q.Message, start);
        c = q;
        return true;
    }

    internal static bool IsMonotonic(ReadOnlySpan<char> inner)
    {
        var t = inner.Trim();
        return t.Length > 2 && t.IndexOf('.') > 0 && !t.ContainsAnyExcept(MonotonicChars);
    }

    private static readonly System.Buffers.SearchValues<char> MonotonicChars = System.Buffers.SearchValues.Create("0123456789.");
}
