using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Other application servers' lines that explain a 502: uWSGI (HARAKIRI, <c>DAMN ! worker died</c>), Unicorn's, Puma's and
/// Odoo's masters killing workers, Passenger's spawn failures, PM2's restarts (language runtimes' own last words: <see cref="RuntimeCrashLines"/>).
/// </summary>
internal static class AppServerLines
{
    /// <summary>
    /// Unicorn's master through Ruby's Logger: <c>E, [2015-12-01T10:25:17.009853 #13444] ERROR -- : worker=1 PID:13481
    /// timeout (61s &gt; 60s), killing</c> is a worker killed past its timeout (app_worker_timeout, like gunicorn's WORKER
    /// TIMEOUT); <c>reaped #&lt;Process::Status: pid 13481 SIGKILL (signal 9)&gt; worker=1</c> a worker that died on a
    /// signal (app_crash); an orderly <c>exit 0</c> and every other line are context.
    /// </summary>
    internal static bool TryUnicorn(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var close = s.IndexOf(']');
        var dashes = s.IndexOf(" -- ", StringComparison.Ordinal);
        if (close < 10 || dashes < close || TimeParsing.Iso(s[4..close]) is not { } time)
        {
            return false;
        }

        var colon = s[dashes..].IndexOf(": ", StringComparison.Ordinal);
        var at = colon < 0 ? dashes + 4 : dashes + colon + 2;
        var m = s[at..];
        c.Kind = RecordKind.Unicorn;
        c.Time = time;
        c.Level = Segment.Between(close + 2, dashes);
        c.Message = Segment.Between(at, s.Length);
        c.Cause = Causes.NotAnUpstreamError;
        if (IsUnicornTimeout(m))
        {
            c.Cause = Causes.AppWorkerTimeout;
            c.Pid = UnicornWorkerPid(m);
        }
        else if (m.StartsWith("reaped #<Process::Status: pid ", StringComparison.Ordinal) && m.Contains(" (signal ", StringComparison.Ordinal))
        {
            c.Cause = Causes.AppCrash;
            var p = "reaped #<Process::Status: pid ".Length;
            c.Pid = DecimalText.Pid(DecimalText.ReadNumber(m, ref p));
        }

        return true;
    }

    internal const string UnicornWorker = "worker=";

    /// <summary>Unicorn's master killing a worker past its timeout: <c>worker=1 PID:13481 timeout (61s &gt; 60s), killing</c>.</summary>
    private static bool IsUnicornTimeout(ReadOnlySpan<char> m) =>
        m.StartsWith(UnicornWorker, StringComparison.Ordinal) && m.Contains(" timeout (", StringComparison.Ordinal)
        && m.EndsWith("killing", StringComparison.Ordinal);

    private static int UnicornWorkerPid(ReadOnlySpan<char> m)
    {
        var pid = m.IndexOf("PID:", StringComparison.Ordinal);
        var p = pid + "PID:".Length;
        return pid > 0 ? DecimalText.Pid(DecimalText.ReadNumber(m, ref p)) : -1;
    }

    /// <summary>
    /// Unicorn's timeout kill quoted without Ruby Logger's head (<c>stderr: "worker=2 PID:13127 timeout (31s &gt; 30s),
    /// killing"</c>): the message alone still names a worker killed past its timeout. Only that message is claimed; any
    /// other text starting with "worker=" is left to the other readers.
    /// </summary>
    internal static bool TryUnicornTimeout(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        if (!IsUnicornTimeout(s))
        {
            return false;
        }

        c.Kind = RecordKind.Unicorn;
        c.Message = Segment.Between(0, s.Length);
        c.Cause = Causes.AppWorkerTimeout;
        c.Pid = UnicornWorkerPid(s);
        return true;
    }

    internal const string UnicornMasterFailed = "master failed to start, check stderr log for details";

    /// <summary>
    /// Unicorn's launcher when the daemonized master exited before it told its parent it was ready (a Rails app that raised
    /// while loading, a socket in use): <c>master failed to start, check stderr log for details</c>, alone or behind a deploy
    /// tool's prefix (Mina's, Capistrano's SSHKit <c>DEBUG [9fc09c1c] </c>). The app server died while it started, as
    /// Passenger's spawn failure does (app_crash). Taken only when the message ends the line, near its start.
    /// </summary>
    internal static bool TryUnicornMasterFailed(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var at = s.IndexOf(UnicornMasterFailed, StringComparison.Ordinal);
        if (at < 0 || at > CompanionLineParser.MaxCompanionPrefix || !s[(at + UnicornMasterFailed.Length)..].TrimEnd(" \t.'\"`").IsEmpty)
        {
            return false;
        }

        c.Kind = RecordKind.Unicorn;
        c.Message = Segment.Between(at, s.Length);
        c.Cause = Causes.AppCrash;
        return true;
    }

    /// <summary>nodemon's tag, the bracket before its own lines ("[nodemon] starting `node server.js`").</summary>
    internal const string Nodemon = "nodemon";

    private const string NodemonCrashed = "app crashed";

    /// <summary>
    /// nodemon's report that the app it runs exited with an error: <c>[nodemon] app crashed - waiting for file changes
    /// before starting...</c>. nodemon does not restart it until a file changes, so the backend is gone (app_crash, as
    /// PM2's and npm's reports of a non-zero exit). nodemon's other lines (starting, restarting, watching) are left alone.
    /// </summary>
    internal static bool TryNodemonCrash(ReadOnlySpan<char> s, int at, ref CompanionLine c)
    {
        if (!s[at..].StartsWith(NodemonCrashed, StringComparison.Ordinal))
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Message = Segment.Between(at, s.Length);
        c.Cause = Causes.AppCrash;
        return true;
    }

    internal const string PumaTimeout = "! Terminating timed out worker";

    /// <summary>
    /// Puma's cluster master killing a worker that stopped checking in: <c>[48246] ! Terminating timed out worker: 48247</c>
    /// (Puma 5 and later: <c>... worker (worker failed to check in within 60 seconds): 48247</c>). The master kills a
    /// stuck worker as gunicorn's arbiter does on WORKER TIMEOUT (app_worker_timeout); Puma's other lines are left alone.
    /// Puma has no record kind of its own: its master is read as a supervisor of its workers.
    /// </summary>
    internal static bool TryPumaTimeout(ReadOnlySpan<char> s, int at, ref CompanionLine c)
    {
        var m = s[at..];
        if (!m.StartsWith(PumaTimeout, StringComparison.Ordinal))
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Message = Segment.Between(at, s.Length);
        c.Cause = Causes.AppWorkerTimeout;
        var colon = m.LastIndexOf(": ", StringComparison.Ordinal);
        var p = colon + 2;
        c.Pid = colon > 0 ? DecimalText.Pid(DecimalText.ReadNumber(m, ref p)) : -1;
        return true;
    }

    internal const string OdooRealTimeLimit = "virtual real time limit (";
    internal const string OdooHttpWorker = "WorkerHTTP (";

    /// <summary>
    /// Odoo's watchdogs ending a request past <c>limit_time_real</c>, behind Odoo's logger head (<c>2020-05-05
    /// 07:54:28,352 1489 INFO ? odoo.service.server: </c>) or quoted alone: the prefork master's <c>WorkerHTTP (697998)
    /// timeout after 1200s</c> (it kills the worker, as gunicorn's arbiter does on WORKER TIMEOUT) and the threaded
    /// server's <c>Thread &lt;Thread(odoo.service.http.request.1401..., started 1401...)&gt; virtual real time limit
    /// (159/120s) reached.</c> (it reloads the whole server, so the request dies with it): app_worker_timeout. Odoo's
    /// other server lines (a worker recycled past its memory limit, the reload notice, a cron worker's timeout, which
    /// serves no request) are left alone. Odoo's server is read as the supervisor of its workers.
    /// </summary>
    internal static bool TryOdooWatchdog(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var head = s.IndexOfAnyExcept(' ');
        var worker = s.IndexOf(OdooHttpWorker, StringComparison.Ordinal);
        var at = worker >= 0 ? worker : s.IndexOf("Thread <Thread(", StringComparison.Ordinal);
        if (head < 0 || at < 0 || at > 2 * CompanionLineParser.MaxCompanionPrefix
            || !(worker >= 0 ? IsOdooWorkerTimeout(s[at..], out var pid) : IsOdooThreadLimit(s[at..], out pid)))
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Time = TimeParsing.Iso(s[head..]);
        c.Message = Segment.Between(at, s.Length);
        c.Cause = Causes.AppWorkerTimeout;
        c.Pid = pid;
        return true;
    }

    /// <summary><c>WorkerHTTP (697998) timeout after 1200s</c>, the worker's pid read from its parentheses.</summary>
    private static bool IsOdooWorkerTimeout(ReadOnlySpan<char> m, out int pid)
    {
        const string After = ") timeout after ";
        var p = OdooHttpWorker.Length;
        pid = DecimalText.Pid(DecimalText.ReadNumber(m, ref p));
        if (pid < 0 || !m[p..].StartsWith(After, StringComparison.Ordinal))
        {
            return false;
        }

        p += After.Length;
        return DecimalText.ReadNumber(m, ref p) >= 0 && p < m.Length && m[p] == 's';
    }

    /// <summary><c>Thread &lt;...&gt; virtual real time limit (159/120s) reached.</c>: a request thread, no pid of its own.</summary>
    private static bool IsOdooThreadLimit(ReadOnlySpan<char> m, out int pid)
    {
        pid = -1;
        var limit = m.IndexOf(OdooRealTimeLimit, StringComparison.Ordinal);
        return limit > 0 && m[limit..].Contains(") reached", StringComparison.Ordinal);
    }

    internal const string PassengerExit = "The application process exited prematurely";

    /// <summary>
    /// Phusion Passenger's core failing to start an app because its process died while spawning: <c>[ E 2025-11-08
    /// 18:17:59.0395 4170381/T38 age/Cor/App/Implementation.cpp:218 ]: Could not spawn process for application /srv/app:
    /// The application process exited prematurely.</c> (also behind a log viewer's columns, or quoted without the path).
    /// The backend died (app_crash). Passenger has no record kind of its own: it is read as the supervisor of its apps.
    /// </summary>
    internal static bool TryPassengerSpawn(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        const string Spawn = "Could not spawn process for application";
        var at = s.IndexOf(Spawn, StringComparison.Ordinal);
        var exit = at < 0 ? -1 : s[at..].IndexOf(PassengerExit, StringComparison.Ordinal);
        if (at < 0 || at > 2 * CompanionLineParser.MaxCompanionPrefix || exit < 0)
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Message = Segment.Between(at, s.Length);
        c.Cause = Causes.AppCrash;
        var path = s[(at + Spawn.Length)..(at + exit)].Trim(' ').TrimEnd(':');
        c.Subject = path.IsEmpty ? Segment.None : new Segment(s[..(at + exit)].LastIndexOf(path, StringComparison.Ordinal), path.Length);
        return true;
    }

    internal const string PassengerMaxRequestTime = "Maximum request time of ";

    /// <summary>
    /// Phusion Passenger's core killing the process serving a request past <c>passenger_max_request_time</c>:
    /// <c>[ E 2026-02-18 19:06:42.4013 106/Th age/Cor/Con/CheckoutSession.cpp:535 ]: [Client 5-104309] Maximum request time
    /// of 60 seconds reached, killing process 556</c>, behind whatever head the log's viewer gave it. The app server ending
    /// a slow request's process, as gunicorn's WORKER TIMEOUT and uWSGI's HARAKIRI do (app_worker_timeout); the killed
    /// process's pid is kept. Taken only when the line ends with that pid, so prose going on about the setting is not read.
    /// </summary>
    internal static bool TryPassengerMaxRequestTime(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        const string Killing = " seconds reached, killing process ";
        var at = s.IndexOf(PassengerMaxRequestTime, StringComparison.Ordinal);
        var p = at + PassengerMaxRequestTime.Length;
        if (at < 0 || DecimalText.ReadNumber(s, ref p) <= 0 || !s[p..].StartsWith(Killing, StringComparison.Ordinal))
        {
            return false;
        }

        p += Killing.Length;
        var pid = DecimalText.ReadNumber(s, ref p);
        if (pid is <= 0 or >= int.MaxValue || !s[p..].TrimEnd(" \t.'\"`").IsEmpty)
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Message = Segment.Between(at, s.Length);
        c.Cause = Causes.AppWorkerTimeout;
        c.Pid = (int)pid;
        return true;
    }

    internal const string Pm2Exit = "exited with code [";

    /// <summary>
    /// PM2's daemon line about an app's process ending, behind whatever head pm2.log, <c>pm2 logs</c> or grep gave it:
    /// <c>PM2 log: App [api:0] exited with code [1] via signal [SIGINT]</c> (PM2 2 and earlier: <c>App [api] with id [0]
    /// and pid [43], exited with code [0] via signal [SIGINT]</c>). As for systemd's lines: a non-zero exit or a fatal
    /// signal (SIGKILL, SIGSEGV, SIGABRT, ...) is a backend that died (app_crash); code 0 with SIGINT, SIGTERM, SIGHUP,
    /// SIGQUIT or no signal is a stop or a restart, context. PM2 is a process manager: a supervisor record. The exit
    /// clause quoted alone (an issue's title: <c>exited with code [1] via signal [SIGINT]</c>) is read the same, without
    /// an app to name, when it is the whole line.
    /// </summary>
    internal static bool TryPm2Exit(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var app = s.IndexOf("App [", StringComparison.Ordinal);
        var bare = app < 0 ? s.IndexOfAnyExcept(" \t\"'`") : -1;
        if (bare >= 0 && s[bare..].StartsWith(Pm2Exit, StringComparison.Ordinal))
        {
            app = bare;
        }
        else if (app < 0 || app > CompanionLineParser.MaxCompanionPrefix)
        {
            return false;
        }

        var m = s[app..];
        var code = m.IndexOf(Pm2Exit, StringComparison.Ordinal);
        var via = m.IndexOf("] via signal [", StringComparison.Ordinal);
        var p = code + Pm2Exit.Length;
        if (code < 0 || via < code || DecimalText.ReadNumber(m, ref p) is not (>= 0 and var exit) || p != via)
        {
            return false;
        }

        var signal = m[(via + "] via signal [".Length)..];
        var close = signal.IndexOf(']');
        if (app == bare && (close < 0 || !signal[(close + 1)..].Trim(" \t.\"'`").IsEmpty))
        {
            return false;
        }

        signal = close < 0 ? signal : signal[..close];
        var calm = StopSignals.Contains(signal) || signal is "null" || signal.IsEmpty;
        var nameEnd = app == bare ? -1 : m["App [".Length..].IndexOfAny(']', ':');
        c.Kind = RecordKind.Supervisor;
        c.Subject = nameEnd > 0 ? new Segment(app + "App [".Length, nameEnd) : Segment.None;
        c.Message = Segment.Between(app, s.Length);
        c.Cause = exit != 0 || !calm ? Causes.AppCrash : Causes.NotAnUpstreamError;
        return true;
    }

    internal const string NpmExitStatus = "npm ERR! Exit status ";

    /// <summary>
    /// npm's report that the script it ran (<c>npm start</c>: <c>node ./bin/www</c>) ended:
    /// <c>npm ERR! Exit status 1</c> (npm 6 and earlier, after <c>npm ERR! code ELIFECYCLE</c>). npm stays the script's
    /// parent and says how its child exited: a non-zero status is the app's process ending unexpectedly (app_crash, as
    /// PM2's and systemd's non-zero exits); npm writes no such line for a clean exit. A supervisor record.
    /// </summary>
    internal static bool TryNpmExit(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var p = NpmExitStatus.Length;
        if (DecimalText.ReadNumber(s, ref p) is not (> 0 and var status) || status >= int.MaxValue || !s[p..].TrimEnd(" \t`\"'").IsEmpty)
        {
            return false;
        }

        c.Kind = RecordKind.Supervisor;
        c.Message = Segment.Between(0, s.Length);
        c.Cause = Causes.AppCrash;
        return true;
    }

    internal static bool TryUwsgi(ReadOnlySpan<char> s, int at, ref CompanionLine c)
    {
        var p = at;
        DateTime? time = null;
        if (TimeParsing.CTime(s[p..]) is { } t && s[p..].Length > 27 && s[(p + 24)..].StartsWith(" - "))
        {
            time = t;
            p += 27;
        }
        else if (s[p..].Length > 22 && s[(p + 19)..].StartsWith(" - ") && TimeParsing.Iso(s[p..]) is { } iso)
        {
            // log-date in ISO form: "2023-05-08 16:00:32 - DAMN ! worker 3 (pid: 101) died, ..."
            time = iso;
            p += 22;
        }

        var m = s[p..];
        string? cause = null;
        if (m.Contains("HARAKIRI", StringComparison.Ordinal))
        {
            cause = Causes.AppWorkerTimeout;
        }
        else if ((m.StartsWith("DAMN ! worker", StringComparison.Ordinal) && m.Contains("died", StringComparison.Ordinal))
            || (m.StartsWith("!!! uWSGI process", StringComparison.Ordinal) && m.Contains("Segmentation Fault", StringComparison.Ordinal)))
        {
            cause = Causes.AppCrash;
        }
        else if (m.Contains("uWSGI listen queue of socket", StringComparison.Ordinal) && m.Contains("full", StringComparison.Ordinal))
        {
            cause = Causes.ListenBacklogFull;
        }
        else if (time is not null && (m.StartsWith("***", StringComparison.Ordinal) || m.Contains("uWSGI", StringComparison.Ordinal)))
        {
            cause = Causes.NotAnUpstreamError;
        }

        if (cause is null)
        {
            return false;
        }

        c.Kind = RecordKind.Uwsgi;
        c.Time = time;
        c.Cause = cause;
        c.Message = Segment.Between(p, s.Length);
        c.Pid = GunicornLines.PidAfter(m, "pid:");
        if (c.Pid < 0)
        {
            c.Pid = GunicornLines.PidAfter(m, "process ");
        }

        return true;
    }
}
