using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Service managers' lines about the backend: supervisord's and systemd's (a unit's main process exited or killed), a
/// container runtime's <c>OOMKilled</c> reason.
/// </summary>
internal static class ServiceManagerLines
{
    private static readonly string[] SupervisorLevels = ["CRIT ", "ERRO ", "WARN ", "INFO ", "DEBG ", "TRAC ", "BLAT "];

    /// <summary>
    /// supervisord, which runs php-fpm, gunicorn and nginx side by side in many images:
    /// <c>2020-04-11 13:10:00,063 INFO exited: php-fpm (terminated by SIGKILL; not expected)</c>. A program it runs that
    /// exits unexpectedly on a signal or a non-zero status is a backend that died (app_crash), and so is one supervisord
    /// gave up on (<c>gave up: php-fpm entered FATAL state, too many start retries too quickly</c>); nginx itself dying is
    /// not an upstream failure, and every other supervisord line is context.
    /// </summary>
    internal static bool TrySupervisor(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        if (s.Length < 30 || s[19] != ',' || s[23] != ' ' || TimeParsing.Iso(s) is not { } time)
        {
            return false;
        }

        if (!IsSupervisorLevel(s[24..29]))
        {
            return false;
        }

        c.Time = time;
        ReadSupervisorMessage(s, 24, ref c);
        return true;
    }

    /// <summary>
    /// supervisord's line quoted without its time, from the level on (<c>WARN exited: syncing-server (exit status 1; not
    /// expected)</c>, <c>INFO gave up: php-fpm entered FATAL state, ...</c>): read as the whole line is. Only its exit and
    /// give-up messages are taken, the two that say a program died; a level word before anything else is left alone.
    /// </summary>
    internal static bool TrySupervisorWithoutTime(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        if (s.Length < 20 || s[4] != ' ' || !IsSupervisorLevel(s[..5]) || !(s[5..].StartsWith(Exited, StringComparison.Ordinal) || s[5..].StartsWith(GaveUp, StringComparison.Ordinal)))
        {
            return false;
        }

        ReadSupervisorMessage(s, 0, ref c);
        return true;
    }

    private static bool IsSupervisorLevel(ReadOnlySpan<char> level)
    {
        foreach (var name in SupervisorLevels)
        {
            if (level.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The level at <paramref name="levelAt"/> and the message after it: an exit or a give-up says which program died.</summary>
    private static void ReadSupervisorMessage(ReadOnlySpan<char> s, int levelAt, ref CompanionLine c)
    {
        var from = levelAt + 5;
        c.Kind = RecordKind.Supervisor;
        c.Level = new Segment(levelAt, 4);
        c.Message = Segment.Between(from, s.Length);
        c.Cause = Causes.NotAnUpstreamError;
        var body = ExitedBody(s[from..], out var at);
        if (body.EndsWith("; not expected)", StringComparison.Ordinal))
        {
            var open = body.IndexOf(" (", StringComparison.Ordinal);
            var program = open > 0 ? body[..open] : default;
            c.Subject = open > 0 ? new Segment(from + at, program.Length) : Segment.None;
            var died = body.Contains("(terminated by SIG", StringComparison.Ordinal)
                || (body.Contains("(exit status ", StringComparison.Ordinal) && !body.Contains("(exit status 0;", StringComparison.Ordinal));
            c.Cause = died ? Backend(program, Causes.AppCrash) : Causes.NotAnUpstreamError;
        }
        else if (GaveUpProgram(s[from..]) is { IsEmpty: false } program)
        {
            c.Subject = new Segment(from + GaveUp.Length, program.Length);
            c.Cause = Backend(program, Causes.AppCrash);
        }
    }

    private const string GaveUp = "gave up: ";
    private const string EnteredFatal = " entered FATAL state";

    /// <summary>
    /// The program supervisord stopped retrying: <c>gave up: php-fpm7.0 entered FATAL state, too many start retries too
    /// quickly</c>. It is the log's side of supervisorctl's FATAL row (<see cref="TrySupervisorctlStatus"/>): supervisord
    /// could not keep the program running, so a backend is down for good (app_crash); nginx itself stays context.
    /// Empty when the message is another one.
    /// </summary>
    private static ReadOnlySpan<char> GaveUpProgram(ReadOnlySpan<char> m)
    {
        var end = m.StartsWith(GaveUp, StringComparison.Ordinal) ? m.IndexOf(EnteredFatal, StringComparison.Ordinal) : -1;
        var program = end > GaveUp.Length ? m[GaveUp.Length..end] : default;
        return program.IndexOf(' ') < 0 ? program : default;
    }

    private const string Exited = "exited: ";

    /// <summary>
    /// What follows supervisord's "exited: ", and where it starts in the message. A reporter may have bolded it in
    /// Markdown ("exited: **awx-rsyslogd (exit status 255; not expected)**"): the asterisks around it are left out.
    /// </summary>
    private static ReadOnlySpan<char> ExitedBody(ReadOnlySpan<char> m, out int at)
    {
        at = Exited.Length;
        if (!m.StartsWith(Exited, StringComparison.Ordinal))
        {
            return default;
        }

        var body = m[at..];
        if (body.Length > 4 && body.StartsWith("**", StringComparison.Ordinal) && body.EndsWith("**", StringComparison.Ordinal))
        {
            at += 2;
            return body[2..^2];
        }

        return body;
    }

    /// <summary>
    /// systemd's record of a service's main process, as journald and syslog give it once their prefix and the
    /// <c>systemd[1]:</c> tag are read: <c>myapp.service: Main process exited, code=killed, status=9/KILL</c> (older systemd:
    /// <c>main process exited</c>). A backend killed by a fatal signal or exiting with a non-zero status died
    /// (app_crash). SIGTERM, SIGINT, SIGHUP and SIGQUIT are a stop or a reload, and status 0 is a clean exit, so those
    /// lines are context. The OOM killer's lines (<c>A process of this unit has been killed by the OOM killer.</c>,
    /// <c>Failed with result 'oom-kill'.</c>) are oom_killed. A unit systemd stopped restarting (<see cref="StartRepeated"/>)
    /// is down for good (app_crash). nginx's own unit is not an upstream, and every other unit line stays unknown.
    /// </summary>
    internal static bool TrySystemdUnit(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        // The writer may have cut the syslog head up to systemd's own tag: "systemd[1]: myapp.service: ...".
        var from = SystemdTagEnd(s);
        if (TrySystemdUnitAt(s, from, ".service", ref c))
        {
            return true;
        }

        // Slower, for what the usual heads leave: a scope's or a slice's line ("run-p3963628-i54286731.scope: Failed with
        // result 'oom-kill'.", "qemu.slice: A process of this unit ..."), a head the line's unwrapping did not read (an
        // RFC 3339 syslog head inside a string literal, up to systemd's tag), or journalctl's time alone ("18:15:50.416
        // UNIT.service: ...", "Aug 28 17:02:17  UNIT.service: ...": a head of digits and marks after a month's name).
        if (TryOtherUnitsAt(s, from, ref c))
        {
            return true;
        }

        var tag = from == 0 ? SystemdTagInside(s) : 0;
        var head = tag > 0 ? tag : from == 0 ? TimeOnlyHeadEnd(s) : 0;
        return head > 0 && (TrySystemdUnitAt(s, head, ".service", ref c) || TryOtherUnitsAt(s, head, ref c));
    }

    private static bool TryOtherUnitsAt(ReadOnlySpan<char> s, int from, ref CompanionLine c) =>
        TrySystemdUnitAt(s, from, ".scope", ref c) || TrySystemdUnitAt(s, from, ".slice", ref c);

    /// <summary>The line when a unit named with <paramref name="suffix"/> starts at <paramref name="from"/> and its message states a verdict.</summary>
    private static bool TrySystemdUnitAt(ReadOnlySpan<char> s, int from, string suffix, ref CompanionLine c)
    {
        var window = s[from..Math.Min(s.Length, from + 120)];
        var end = window.IndexOf(suffix, StringComparison.Ordinal);
        var message = end + suffix.Length + 2;
        if (end <= 0 || message > window.Length || window[..end].ContainsAny(' ', '\t'))
        {
            return false;
        }

        var colon = window[end + suffix.Length] == ':' && window[end + suffix.Length + 1] == ' ';
        if (!colon && !window[(end + suffix.Length)..].StartsWith(OldStartRefused, StringComparison.Ordinal))
        {
            return false;
        }

        end += from;
        message = colon ? message + from : end + suffix.Length + 1;
        if (SystemdCause(s[message..]) is not { } cause)
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Subject = Segment.Between(from, end + suffix.Length);
        c.Message = Segment.Between(message, s.Length);
        c.Cause = Backend(s[from..end], cause);
        return true;
    }

    /// <summary>Where systemd's tag ("systemd[1]: ", a user manager's "systemd[546363]: ") ends behind a head of words, or 0.</summary>
    private static int SystemdTagInside(ReadOnlySpan<char> s)
    {
        var at = s[..Math.Min(s.Length, 100)].IndexOf(" systemd[", StringComparison.Ordinal);
        if (at < 0)
        {
            return 0;
        }

        var close = s[(at + 1)..Math.Min(s.Length, at + 21)].IndexOf("]: ", StringComparison.Ordinal);
        return close > 0 ? at + 1 + close + 3 : 0;
    }

    internal const string SystemdTag = "systemd[";
    internal const string SystemdTagWithoutPid = "systemd: ";

    /// <summary>
    /// Where a head of digits, marks and blanks (a time cut to its clock: "18:15:50.416 ", "... "), or the same after a
    /// month's name (journalctl's "Aug 28 17:02:17  " with no host), ends, or 0.
    /// </summary>
    private static int TimeOnlyHeadEnd(ReadOnlySpan<char> s)
    {
        var month = StartsWithMonth(s) ? 4 : 0;
        var end = s[month..Math.Min(s.Length, 32)].IndexOfAnyExcept(TimeHeadChars);
        return end > 0 && s[month + end - 1] == ' ' ? month + end : 0;
    }

    /// <summary>A head of digits, marks and blanks, after a month's name or not: a time and nothing a sentence would hold.</summary>
    private static bool IsTimeHead(ReadOnlySpan<char> head)
    {
        head = head.TrimStart(" \t");
        var month = StartsWithMonth(head) ? 4 : 0;
        return !head[month..].ContainsAnyExcept(TimeHeadChars);
    }

    /// <summary>An English month's three-letter name and a blank ("Aug "), as journalctl's short time begins.</summary>
    private static bool StartsWithMonth(ReadOnlySpan<char> s) =>
        s.Length > 4 && s[3] == ' ' && "JanFebMarAprMayJunJulAugSepOctNovDec".AsSpan().IndexOf(s[..3]) is >= 0 and var i && i % 3 == 0;

    private static readonly System.Buffers.SearchValues<char> TimeHeadChars = System.Buffers.SearchValues.Create("0123456789:.,-+ ");

    /// <summary>Where a leading "systemd[1]: " tag ends, or a writer's "systemd: " without the pid (0 without one).</summary>
    private static int SystemdTagEnd(ReadOnlySpan<char> s)
    {
        if (s.StartsWith(SystemdTagWithoutPid, StringComparison.Ordinal))
        {
            return SystemdTagWithoutPid.Length;
        }

        if (!s.StartsWith(SystemdTag, StringComparison.Ordinal))
        {
            return 0;
        }

        var close = s[..Math.Min(s.Length, 20)].IndexOf("]: ", StringComparison.Ordinal);
        return close > 0 ? close + 3 : 0;
    }

    /// <summary>
    /// The cause systemd's line about a unit's main process states, or null for a line with no process verdict (see
    /// <see cref="TrySystemdUnit"/>).
    /// </summary>
    private static string? SystemdCause(ReadOnlySpan<char> m)
    {
        if (m.StartsWith("Main process exited, code=", StringComparison.Ordinal) || m.StartsWith("main process exited, code=", StringComparison.Ordinal))
        {
            var detail = m["Main process exited, code=".Length..];
            var status = detail.IndexOf(", status=", StringComparison.Ordinal);
            if (status < 0)
            {
                return null;
            }

            var value = detail[(status + ", status=".Length)..];
            var signalled = detail.StartsWith("killed", StringComparison.Ordinal) || detail.StartsWith("dumped", StringComparison.Ordinal);
            var exited = detail.StartsWith("exited", StringComparison.Ordinal);
            var died = (signalled && !StopSignals.ContainsSystemdStatus(value)) || (exited && !value.StartsWith("0/", StringComparison.Ordinal));
            return died ? Causes.AppCrash : Causes.NotAnUpstreamError;
        }

        if (m.StartsWith(StartRepeated, StringComparison.Ordinal) || m.StartsWith(OldStartRefused.AsSpan(1), StringComparison.Ordinal))
        {
            return Causes.AppCrash;
        }

        return m.StartsWith(OomKilledUnit, StringComparison.Ordinal) || m.StartsWith(FailedWithOomKill, StringComparison.Ordinal)
            ? Causes.OomKilled
            : null;
    }

    /// <summary>
    /// systemd giving up on a unit that failed too often (<c>myapp.service: Start request repeated too quickly.</c>; older
    /// systemd wrote <c>myapp.service start request repeated too quickly, refusing to start.</c> with no colon): the unit
    /// stays down, as with supervisord's "gave up" and upstart's "respawning too fast, stopped".
    /// </summary>
    internal const string StartRepeated = "Start request repeated too quickly";

    private const string OldStartRefused = " start request repeated too quickly";

    internal const string SystemdMainExit = "Main process exited, code=";

    /// <summary>systemd's verdict on a unit, whatever the result ("Failed with result 'exit-code'.").</summary>
    internal const string FailedWithResult = "Failed with result '";

    private const string FailedWithOomKill = "Failed with result 'oom-kill'";
    internal const string OomKilledUnit = "A process of this unit has been killed by the OOM killer";

    /// <summary>
    /// systemd's main-process line cut by the writer to its time and message, the unit name gone
    /// ("15:53:20  Main process exited, code=killed, status=9/KILL"): read as the unit's line, with no subject; the OOM
    /// killer's verdicts the same ("Failed with result 'oom-kill'" quoted alone). Only behind a head of digits, punctuation
    /// and blanks (a time), so a sentence naming the message is not taken.
    /// </summary>
    internal static bool TrySystemdWithoutUnit(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOf(SystemdMainExit, StringComparison.Ordinal);
        at = at >= 0 ? at : s.IndexOf(FailedWithOomKill, StringComparison.Ordinal);
        at = at >= 0 ? at : s.IndexOf(OomKilledUnit, StringComparison.Ordinal);
        if (at < 0 || at > 32 || !IsTimeHead(s[..at])
            || SystemdCause(s[at..]) is not { } cause)
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Message = Segment.Between(at, s.Length);
        c.Cause = cause;
        return true;
    }

    internal const string SupervisorctlFatal = " FATAL ";
    internal const string SupervisorctlBackoff = " BACKOFF ";

    /// <summary>
    /// supervisorctl status's row for a program supervisord could not keep running: <c>frappe-bench-web:frappe-bench-node-socketio
    /// FATAL     Exited too quickly (process log may have details)</c> (FATAL: it could not be started; BACKOFF: it exited
    /// too quickly and is being retried). The program exits as soon as it starts, as supervisord's own
    /// <c>exited: ... (exit status N; not expected)</c> says in its log: a backend that died (app_crash); nginx itself
    /// stays context. Only a row that opens with a program name (group:name) and has one of those two states as its second
    /// column is taken; the other states (RUNNING, STOPPED, STARTING, EXITED) are left alone.
    /// </summary>
    internal static bool TrySupervisorctlStatus(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOfAnyExcept(' ', '\t');
        var end = at < 0 ? -1 : s[at..].IndexOf(' ');
        if (end <= 0 || s.Slice(at, end).IndexOfAnyExcept(ProgramNameChars) >= 0)
        {
            return false;
        }

        var state = s[(at + end)..].TrimStart(' ');
        var word = PaddedState(state);
        if (!IsFailedState(word))
        {
            word = UnpaddedState(state);
        }

        var name = s.Slice(at, end);
        var program = name[(name.LastIndexOf(':') + 1)..];
        if (!IsFailedState(word) || program.IsEmpty)
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Subject = new Segment(at + name.Length - program.Length, program.Length);
        c.Message = Segment.Between(at, s.Length);
        c.Cause = Backend(program, Causes.AppCrash);
        return true;
    }

    /// <summary>
    /// What a supervised program's failure means for nginx: <paramref name="cause"/> for a backend behind it; nginx's own
    /// (program or unit named "nginx") is no upstream failure.
    /// </summary>
    private static string Backend(ReadOnlySpan<char> program, string cause) =>
        program.SequenceEqual("nginx") ? Causes.NotAnUpstreamError : cause;

    private const int StateColumn = 10;

    /// <summary>
    /// The state column as supervisorctl writes it: padded to ten columns, the description right after it (supervisor 3)
    /// or after one more blank (supervisor 4's "%(state)-10s %(desc)s": "FATAL      Exited too quickly ..."); default
    /// when the row has no such column.
    /// </summary>
    private static ReadOnlySpan<char> PaddedState(ReadOnlySpan<char> state)
    {
        var described = (state.Length > StateColumn && state[StateColumn] != ' ')
            || (state.Length > StateColumn + 1 && state[StateColumn + 1] != ' ');
        return described ? state[..StateColumn].TrimEnd(' ') : default;
    }

    /// <summary>supervisord's description of a program that exits as soon as it starts (FATAL and BACKOFF rows).</summary>
    private const string ExitedTooQuickly = "Exited too quickly (process log may have details)";

    /// <summary>The states of a program supervisord could not keep running.</summary>
    private static bool IsFailedState(ReadOnlySpan<char> word) => word.SequenceEqual("FATAL") || word.SequenceEqual("BACKOFF");

    /// <summary>
    /// The state of a row whose padding was collapsed to one blank (an issue tracker or a chat rendering the paste outside
    /// a code block): taken only when supervisord's own "Exited too quickly" description follows it, so prose naming a
    /// state is not read.
    /// </summary>
    private static ReadOnlySpan<char> UnpaddedState(ReadOnlySpan<char> state)
    {
        var blank = state.IndexOf(' ');
        return blank > 0 && state[(blank + 1)..].StartsWith(ExitedTooQuickly, StringComparison.Ordinal) ? state[..blank] : default;
    }

    private static readonly System.Buffers.SearchValues<char> ProgramNameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:@");

    internal const string SystemctlMainPid = "Main PID: ";

    /// <summary>
    /// systemctl status's verdict on a unit's main process once it ended, pasted without the unit's header:
    /// <c> Main PID: 27159 (code=exited, status=78)</c>, <c>Main PID: 812 (code=killed, signal=KILL)</c>. The same fact as
    /// journald's "Main process exited, code=..." line (<see cref="SystemdCause"/>): a non-zero exit or a fatal signal is a
    /// backend that died (app_crash); status 0 and a stop or reload signal (TERM, INT, HUP, QUIT) are context. A running
    /// process ("Main PID: 1234 (php-fpm7.2)") names no verdict and stays unknown. Taken at the line's start or behind
    /// indentation only, so prose naming the field is not read.
    /// </summary>
    internal static bool TrySystemctlMainPid(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOfAnyExcept(' ', '\t');
        if (at < 0 || !s[at..].StartsWith(SystemctlMainPid, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = s[(at + SystemctlMainPid.Length)..];
        var digits = rest.IndexOfAnyExceptInRange('0', '9');
        if (digits <= 0 || !rest[digits..].StartsWith(" (code=", StringComparison.Ordinal) || rest[^1] != ')')
        {
            return false;
        }

        return SystemctlVerdict(s, at, rest[(digits + " (code=".Length)..^1], ref c);
    }

    /// <summary>systemctl's line from <paramref name="at"/> on, with the verdict its "(code=...)" detail names; false without one.</summary>
    private static bool SystemctlVerdict(ReadOnlySpan<char> s, int at, ReadOnlySpan<char> detail, ref CompanionLine c)
    {
        if (EndedProcessVerdict(detail) is not { } cause)
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Message = Segment.Between(at, s.Length);
        c.Cause = cause;
        return true;
    }

    /// <summary>
    /// systemd's verdict on a process that ended, inside "(code=...)": a non-zero exit or a fatal signal is a backend
    /// that died (app_crash); status 0 and a stop or reload signal (TERM, INT, HUP, QUIT) are context; anything else
    /// (a running process) names no verdict.
    /// </summary>
    private static string? EndedProcessVerdict(ReadOnlySpan<char> detail)
    {
        if (detail.StartsWith("exited, status=", StringComparison.Ordinal))
        {
            var value = detail["exited, status=".Length..];
            return value.SequenceEqual("0") || value.StartsWith("0/", StringComparison.Ordinal) ? Causes.NotAnUpstreamError : Causes.AppCrash;
        }

        if (detail.StartsWith("killed, signal=", StringComparison.Ordinal) || detail.StartsWith("dumped, signal=", StringComparison.Ordinal))
        {
            return StopSignals.Contains(detail["killed, signal=".Length..]) ? Causes.NotAnUpstreamError : Causes.AppCrash;
        }

        return null;
    }

    internal const string SystemctlExecStart = " ExecStart=";

    private const string SystemctlProcess = "Process: ";

    /// <summary>
    /// systemctl status's line for the command a unit's ExecStart ran, once it ended, pasted without the unit's header:
    /// <c>  Process: 23884 ExecStart=/usr/bin/node index.js (code=exited, status=1/FAILURE)</c> (round 84: Mailtrain
    /// crash-looping under Restart=always). ExecStart is the unit's main process, so this is the same verdict as the
    /// "Main PID: N (code=...)" line beside it. nginx's own unit and the other Exec lines (ExecStartPre's "nginx -t", a
    /// reload) are not a backend and stay unknown. Taken at the line's start or behind indentation only.
    /// </summary>
    internal static bool TrySystemctlExecStart(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOfAnyExcept(' ', '\t');
        if (at < 0 || !s[at..].StartsWith(SystemctlProcess, StringComparison.Ordinal) || s[^1] != ')')
        {
            return false;
        }

        var rest = s[(at + SystemctlProcess.Length)..];
        var digits = rest.IndexOfAnyExceptInRange('0', '9');
        if (digits <= 0 || !rest[digits..].StartsWith(SystemctlExecStart, StringComparison.Ordinal))
        {
            return false;
        }

        var command = rest[(digits + SystemctlExecStart.Length)..];
        var open = command.LastIndexOf(" (code=", StringComparison.Ordinal);
        var end = open > 0 ? command[..open].IndexOf(' ') : -1;
        var program = open > 0 ? command[..(end < 0 ? open : end)] : default;
        if (program.IsEmpty || program[(program.LastIndexOf('/') + 1)..].Contains("nginx", StringComparison.Ordinal))
        {
            return false;
        }

        return SystemctlVerdict(s, at, command[(open + " (code=".Length)..^1], ref c);
    }

    /// <summary>
    /// kubectl describe's state of a container the kernel's OOM killer ended at its memory limit, as the runtime reports
    /// it: <c>      Reason:       OOMKilled</c>. Only that field, alone on its line, is taken.
    /// </summary>
    internal static bool TryOomKilledReason(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var t = s.Trim(' ');
        if (!t.StartsWith("Reason:", StringComparison.Ordinal) || !t["Reason:".Length..].TrimStart(' ').SequenceEqual("OOMKilled"))
        {
            return false;
        }

        c.Kind = RecordKind.Kernel;
        c.Message = Segment.Between(s.IndexOf("Reason:", StringComparison.Ordinal), s.Length);
        c.Cause = Causes.OomKilled;
        return true;
    }

    internal const string FcgidProcess = "mod_fcgid: process ";

    /// <summary>Widest head Apache writes before a module's message (time with microseconds, module and level, pid and tid, client).</summary>
    private const int MaxApacheHead = 160;

    /// <summary>
    /// Apache's mod_fcgid, the process manager of FastCGI backends such as mapserv, qgis_mapserv.fcgi or PHP, about one it
    /// lost: <c>mod_fcgid: process /usr/lib/cgi-bin/mapserv(59414) exit(communication error), get signal 11, possible
    /// coredump generated</c>. mod_fcgid (fcgid_pm_main.c) writes "get stop signal N" for TERM, HUP, Apache's graceful
    /// signal and KILL, the signals it stops processes with; "get signal N, possible coredump generated" and "get
    /// unexpected signal N" for any other, so the backend died (app_crash), whatever the exit reason in parentheses.
    /// "terminated by calling exit(), return code: N" and the stop signals are context, as every other mod_fcgid line.
    /// </summary>
    internal static bool TryFcgidProcessExit(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOf(FcgidProcess, StringComparison.Ordinal);
        if (at < 0 || at > MaxApacheHead)
        {
            return false;
        }

        var m = s[at..];
        var exit = m.IndexOf(") exit(", StringComparison.Ordinal);
        var reason = exit < 0 ? -1 : m[exit..].IndexOf("), ", StringComparison.Ordinal);
        if (reason < 0)
        {
            return false;
        }

        var info = m[(exit + reason + "), ".Length)..];
        var died = info.StartsWith("get unexpected signal ", StringComparison.Ordinal)
            || (info.StartsWith("get signal ", StringComparison.Ordinal) && info.Contains("possible coredump generated", StringComparison.Ordinal));
        var open = m[..exit].LastIndexOf('(');
        c.Kind = RecordKind.Supervisor;
        c.Subject = open > FcgidProcess.Length ? new Segment(at + FcgidProcess.Length, open - FcgidProcess.Length) : Segment.None;
        c.Message = Segment.Between(at, s.Length);
        c.Cause = died ? Causes.AppCrash : Causes.NotAnUpstreamError;
        return true;
    }

    internal const string ApacheChildExit = " exit signal ";
    private const string ApacheChildPid = "child pid ";

    /// <summary>
    /// Apache httpd about a child process it lost (server/mpm_common.c, ap_process_child_status): <c>AH00051: child pid
    /// 538294 exit signal Segmentation fault (11), possible coredump in /var/log/apache2</c>, or AH00052 without a core
    /// dump. Apache writes it only for a signal it did not send (TERM, HUP, its graceful signal and KILL are left out),
    /// so the child, and the mod_php or the application it ran behind nginx, died: <c>app_crash</c>, as mod_fcgid's "get
    /// unexpected signal" above. The words must follow Apache's "child pid N".
    /// </summary>
    internal static bool TryApacheChildExit(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOf(ApacheChildExit, StringComparison.Ordinal);
        if (at < 0 || at > MaxApacheHead)
        {
            return false;
        }

        var head = s[..at];
        var digits = head.Length - head.TrimEnd("0123456789").Length;
        if (digits == 0 || !head[..^digits].EndsWith(ApacheChildPid, StringComparison.Ordinal))
        {
            return false;
        }

        // The signal's name and number: "Segmentation fault (11)".
        var signal = s[(at + ApacheChildExit.Length)..];
        var open = signal.IndexOf(" (", StringComparison.Ordinal);
        if (open <= 0 || open + 2 >= signal.Length || !char.IsAsciiDigit(signal[open + 2]))
        {
            return false;
        }

        var child = head.Length - digits;
        var pid = DecimalText.ReadNumber(s, ref child);
        c.Kind = RecordKind.Supervisor;
        c.Subject = Segment.None;
        c.Pid = DecimalText.Pid(pid);
        c.Message = Segment.Between(head.Length - digits - ApacheChildPid.Length, s.Length);
        c.Cause = Causes.AppCrash;
        return true;
    }

    /// <summary>Widest head before upstart's or a boot script's message: syslog's time and host, the kernel's tag and dmesg's stamp, a platform's router prefix.</summary>
    private const int MaxServiceHead = 96;

    internal const string UpstartMainProcess = " main process (";
    internal const string UpstartRespawnStopped = " respawning too fast, stopped";
    private const string UpstartInit = "init: ";

    /// <summary>
    /// upstart (Ubuntu 14.04 and older), in dmesg or syslog, about a job it runs: <c>init: php5-fpm main process (12528)
    /// terminated with status 78</c>, <c>init: uwsgi main process (812) killed by SEGV signal</c>, <c>init: php5-fpm
    /// respawning too fast, stopped</c>. As with systemd's unit lines and supervisord's, a job's main process exiting
    /// non-zero or on a fatal signal died (app_crash), and so did one upstart gave up respawning (supervisord's "gave up:
    /// ... entered FATAL state"); a stop signal (TERM, INT, HUP, QUIT), a zero status and nginx's own job are context
    /// (round 119: Matomo's dev box). Its other lines ("main process ended, respawning") stay unknown.
    /// </summary>
    internal static bool TryUpstartJob(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOf(UpstartInit, StringComparison.Ordinal);
        if (at < 0 || at > MaxServiceHead || (at > 0 && s[at - 1] != ' ' && s[at - 1] != ']'))
        {
            return false;
        }

        var from = at + UpstartInit.Length;
        var space = s[from..].IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        var rest = s[(from + space)..].TrimEnd();
        string cause;
        var pid = -1L;
        if (rest.StartsWith(UpstartMainProcess, StringComparison.Ordinal))
        {
            var p = UpstartMainProcess.Length;
            pid = DecimalText.ReadNumber(rest, ref p);
            if (pid <= 0 || !rest[p..].StartsWith(") ", StringComparison.Ordinal) || UpstartVerdict(rest[(p + 2)..]) is not { } verdict)
            {
                return false;
            }

            cause = verdict;
        }
        else if (rest.SequenceEqual(UpstartRespawnStopped))
        {
            cause = Causes.AppCrash;
        }
        else
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Subject = new Segment(from, space);
        c.Message = Segment.Between(from, s.Length);
        c.Pid = DecimalText.Pid(pid);
        c.Cause = Backend(s.Slice(from, space), cause);
        return true;
    }

    /// <summary>upstart's verdict on a main process: "terminated with status N" or "killed by NAME signal"; null for any other words.</summary>
    private static string? UpstartVerdict(ReadOnlySpan<char> v)
    {
        const string Terminated = "terminated with status ";
        const string KilledBy = "killed by ";
        if (v.StartsWith(Terminated, StringComparison.Ordinal))
        {
            var p = Terminated.Length;
            var status = DecimalText.ReadNumber(v, ref p);
            return p == v.Length ? (status > 0 ? Causes.AppCrash : Causes.NotAnUpstreamError) : null;
        }

        if (v.StartsWith(KilledBy, StringComparison.Ordinal) && v.EndsWith(" signal", StringComparison.Ordinal) && v.Length > KilledBy.Length + " signal".Length)
        {
            return StopSignals.Contains(v[KilledBy.Length..^" signal".Length]) ? Causes.NotAnUpstreamError : Causes.AppCrash;
        }

        return null;
    }

    internal const string BootProcessExited = "Process exited unexpectedly: ";

    /// <summary>
    /// The boot script of Heroku's PHP buildpack (heroku-php-nginx, heroku-php-apache2), which runs the web server and
    /// PHP-FPM side by side and stops the dyno when either ends: <c>Process exited unexpectedly: php-fpm</c>. A backend
    /// that exited died (app_crash, as supervisord's "exited: php-fpm (...; not expected)"); nginx itself is context.
    /// Only the message with one program name after it, behind a short head (the router's time and dyno), is taken.
    /// </summary>
    internal static bool TryBootScriptExit(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOf(BootProcessExited, StringComparison.Ordinal);
        if (at < 0 || at > MaxServiceHead || (at > 0 && s[at - 1] != ' '))
        {
            return false;
        }

        var from = at + BootProcessExited.Length;
        var program = s[from..].TrimEnd();
        if (program.IsEmpty || program.ContainsAny(' ', '\t'))
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Subject = new Segment(from, program.Length);
        c.Message = Segment.Between(at, s.Length);
        c.Cause = Backend(program, Causes.AppCrash);
        return true;
    }
}
