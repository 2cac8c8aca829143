using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Tests.Parsing;

/// <summary>Backend, kernel and audit records: the evidence that turns a line-level cause into a root cause.</summary>
public class CompanionLineTests
{
    [Theory]
    [InlineData("[21-Nov-2026 13:42:01] WARNING: [pool www] child 4242 exited on signal 9 (SIGKILL) after 12.345000 seconds from start", "app_crash", RecordKind.PhpFpm, "www")]
    [InlineData("[21-Nov-2026 13:42:01] WARNING: [pool www] child 4242 exited on signal 11 (SIGSEGV - core dumped) after 1.0 seconds from start", "app_crash", RecordKind.PhpFpm, "www")]
    [InlineData("[21-Nov-2026 13:42:01] WARNING: [pool api] server reached pm.max_children setting (5), consider raising it", "fpm_pool_exhausted", RecordKind.PhpFpm, "api")]
    [InlineData("2026-11-21 13:42:01,063 INFO exited: php-fpm (terminated by SIGKILL; not expected)", "app_crash", RecordKind.Supervisor, "php-fpm")]
    [InlineData("2026-11-21 13:42:01,490 WARN exited: gunicorn (exit status 3; not expected)", "app_crash", RecordKind.Supervisor, "gunicorn")]
    [InlineData("2026-11-21 13:42:01,490 INFO exited: nginx (terminated by SIGKILL; not expected)", "not_an_upstream_error", RecordKind.Supervisor, "nginx")]
    [InlineData("2026-11-21 13:42:01,490 INFO exited: php-fpm (exit status 0; expected)", "not_an_upstream_error", RecordKind.Supervisor, null)]
    [InlineData("2026-11-21 13:42:04,609 INFO spawned: 'php-fpm' with pid 71850", "not_an_upstream_error", RecordKind.Supervisor, null)]
    // supervisord giving up on a program it could not keep running (round 91: PHP-FPM missing from a wiki image), as
    // supervisorctl's FATAL row is read; nginx's own program and the spawn error before it stay context.
    [InlineData("2020-02-26 22:07:15,396 INFO gave up: php-fpm7.0 entered FATAL state, too many start retries too quickly", "app_crash", RecordKind.Supervisor, "php-fpm7.0")]
    [InlineData("2016-05-01 10:00:00,001 INFO gave up: nginx entered FATAL state, too many start retries too quickly", "not_an_upstream_error", RecordKind.Supervisor, "nginx")]
    [InlineData("2020-02-26 22:07:09,379 INFO spawnerr: can't find command '/usr/sbin/php-fpm7.0'", "not_an_upstream_error", RecordKind.Supervisor, null)]
    [InlineData("E, [2026-11-21T13:42:01.009853 #13444] ERROR -- : worker=1 PID:13481 timeout (61s > 60s), killing", "app_worker_timeout", RecordKind.Unicorn, null)]
    [InlineData("E, [2026-11-21T13:42:01.303090 #13444] ERROR -- : reaped #<Process::Status: pid 13481 SIGKILL (signal 9)> worker=1", "app_crash", RecordKind.Unicorn, null)]
    [InlineData("I, [2026-11-21T13:42:01.303090 #13444]  INFO -- : reaped #<Process::Status: pid 13481 exit 0> worker=1", "not_an_upstream_error", RecordKind.Unicorn, null)]
    [InlineData("[21-Nov-2026 13:42:01] WARNING: [pool www] child 77, script '/var/www/slow.php' (request: \"GET /slow.php\") execution timed out (30.012 sec), terminating", "app_worker_timeout", RecordKind.PhpFpm, "www")]
    [InlineData("[21-Nov-2026 13:42:01] NOTICE: [pool www] child 78 started", "not_an_upstream_error", RecordKind.PhpFpm, "www")]
    [InlineData("[21-Nov-2026 13:42:01] NOTICE: [pool www] child 78 exited with code 0 after 100.0 seconds from start", "not_an_upstream_error", RecordKind.PhpFpm, "www")]
    [InlineData("[21-Nov-2026 13:42:01] WARNING: [pool www] child 78 said into stderr: \"NOTICE: PHP message: PHP Fatal error:  Uncaught Error: x in /a.php:2\"", "php_fatal", RecordKind.PhpFpm, "www")]
    [InlineData("[21-Nov-2026 13:42:01 UTC] PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/x.php on line 3", "php_fatal", RecordKind.Php, null)]
    [InlineData("[21-Nov-2026 13:42:01 Europe/Berlin] PHP Warning:  Undefined array key 1 in /var/www/x.php on line 9", "not_an_upstream_error", RecordKind.Php, null)]
    [InlineData("[2026-11-21 13:44:00 +0000] [12] [CRITICAL] WORKER TIMEOUT (pid:15)", "app_worker_timeout", RecordKind.Gunicorn, null)]
    [InlineData("[2026-11-21 13:44:01 +0000] [12] [ERROR] Worker (pid:15) was sent SIGKILL! Perhaps out of memory?", "app_crash", RecordKind.Gunicorn, null)]
    [InlineData("[2026-11-21 13:44:01 +0000] [12] [WARNING] Worker with pid 15 was terminated due to signal 9", "app_crash", RecordKind.Gunicorn, null)]
    // The same line cut by systemctl at the terminal's width (round 99: pretix under systemd)
    [InlineData("Jul 23 19:30:24 xxx gunicorn[281]: [2021-07-23 19:30:24 +0200] [281] [WARNING] Worker with pid 315 was terminated due to sig", "app_crash", RecordKind.Gunicorn, null)]
    [InlineData("[2026-11-21 13:44:01 +0000] [16] [INFO] Booting worker with pid: 16", "not_an_upstream_error", RecordKind.Gunicorn, null)]
    [InlineData("Sat Nov 21 13:44:01 2026 - *** HARAKIRI ON WORKER 1 (pid: 4711, try: 1) ***", "app_worker_timeout", RecordKind.Uwsgi, null)]
    [InlineData("DAMN ! worker 2 (pid: 4712) died, killed by signal 9 :( trying respawn ...", "app_crash", RecordKind.Uwsgi, null)]
    [InlineData("!!! uWSGI process 4713 got Segmentation Fault !!!", "app_crash", RecordKind.Uwsgi, null)]
    [InlineData("Sat Nov 21 13:44:01 2026 - *** uWSGI listen queue of socket \"127.0.0.1:3031\" (fd: 3) full !!! (101/100) ***", "listen_backlog_full", RecordKind.Uwsgi, null)]
    [InlineData("[12345.678901] Out of memory: Killed process 4242 (php-fpm8.2) total-vm:812345kB, anon-rss:512000kB, file-rss:0kB, shmem-rss:0kB, UID:33 pgtables:1234kB oom_score_adj:0", "oom_killed", RecordKind.Kernel, "php-fpm8.2")]
    [InlineData("Nov 21 13:42:01 web01 kernel: [12345.678901] Out of memory: Killed process 4242 (gunicorn) total-vm:812345kB", "oom_killed", RecordKind.Kernel, "gunicorn")]
    [InlineData("Nov 21 13:42:01 web01 kernel: oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/php8.2-fpm.service,task=php-fpm8.2,pid=4242,uid=33", "oom_killed", RecordKind.Kernel, "php-fpm8.2")]
    [InlineData("[Sat Nov 21 13:42:01 2026] Memory cgroup out of memory: Killed process 4242 (python3) total-vm:1kB", "oom_killed", RecordKind.Kernel, "python3")]
    [InlineData("[12345.678901] php-fpm8.2[4242]: segfault at 0 ip 000055d5c0de1234 sp 00007ffd12345678 error 4 in php-fpm8.2[55d5c0c00000+300000]", "app_crash", RecordKind.Kernel, "php-fpm8.2")]
    [InlineData("type=AVC msg=audit(1763732534.123:456): avc:  denied  { name_connect } for  pid=6087 comm=\"nginx\" dest=8080 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:http_cache_port_t:s0 tclass=tcp_socket permissive=0", "selinux_denied", RecordKind.SelinuxAudit, "nginx")]
    [InlineData("type=AVC msg=audit(1763732534.123:457): avc:  denied  { read } for  pid=99 comm=\"cron\" name=\"x\" scontext=system_u:system_r:crond_t:s0 tcontext=system_u:object_r:etc_t:s0 tclass=file permissive=0", "not_an_upstream_error", RecordKind.SelinuxAudit, "cron")]
    // httpd_t confines Apache too: an AVC naming another program is not nginx's (round 119: Dataverse's AJP port); with
    // the program's name cut away, the domain alone still stands for nginx.
    [InlineData("type=AVC msg=audit(1610043878.967:3142): avc:  denied  { name_connect } for  pid=50123 comm=\"httpd\" dest=8009 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:http_port_t:s0 tclass=tcp_socket permissive=0", "not_an_upstream_error", RecordKind.SelinuxAudit, "httpd")]
    [InlineData("type=AVC msg=audit(1610043878.967:3143): avc:  denied  { name_connect } for  pid=50124 dest=8080 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:http_cache_port_t:s0 tclass=tcp_socket permissive=0", "selinux_denied", RecordKind.SelinuxAudit, null)]
    // The AVC quoted from its own text, the audit head dropped: alone, or behind a doc comment (round 119: an Odoo installer).
    [InlineData("avc:  denied  { name_connect } for  pid=7058 comm=\"nginx\" dest=8000 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:soundd_port_t:s0 tclass=tcp_socket permissive=0", "selinux_denied", RecordKind.SelinuxAudit, "nginx")]
    [InlineData("//! avc: denied { name_connect } for comm=\"nginx\" dest=8069", "selinux_denied", RecordKind.SelinuxAudit, "nginx")]
    [InlineData("avc: denied { read } for comm=\"nginx\" name=\"nginx.conf\" tclass=file permissive=1", "not_an_upstream_error", RecordKind.SelinuxAudit, "nginx")]
    // setroubleshoot's summary: the denied permission decides; nginx's own listen port (name_bind) is no upstream's.
    [InlineData("Mar 22 11:40:35 web setroubleshoot[1544]: SELinux is preventing /usr/sbin/nginx from name_connect access on the tcp_socket port 8080. For complete SELinux messages run: sealert -l f2914dba-04ef-44ca-9a0b-0f5e62ec72e4", "selinux_denied", RecordKind.SelinuxAudit, null)]
    [InlineData("SELinux is preventing /usr/sbin/nginx from connectto access on the unix_stream_socket /run/php-fpm/www.sock.", "selinux_denied", RecordKind.SelinuxAudit, null)]
    [InlineData("Mar 22 11:40:35 web setroubleshoot[1544]: SELinux is preventing /usr/sbin/nginx from name_bind access on the tcp_socket port 89\\. For complete SELinux messages run: sealert -l f2914dba-04ef-44ca-9a0b-0f5e62ec72e4", "not_an_upstream_error", RecordKind.SelinuxAudit, null)]
    [InlineData("SELinux is preventing /usr/sbin/nginx from read access on the file index.html.", "not_an_upstream_error", RecordKind.SelinuxAudit, null)]
    public void CompanionLine_IsRecognised(string line, string cause, RecordKind kind, string? subject)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(kind, r.Kind);
        Assert.Null(r.Status);
        if (subject is not null)
        {
            Assert.Equal(subject, r.Subject);
        }
    }

    /// <summary>Companion records as reporters quote them: inside a sentence, journalctl with the host left out, Kubernetes' OOM event.</summary>
    [Theory]
    [InlineData("As seen in the logs (`docker logs app_1`): `[21-Nov-2026 13:42:01] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it`", "fpm_pool_exhausted", RecordKind.PhpFpm, "www")]
    [InlineData("the pool log says \"[21-Nov-2026 13:42:01] WARNING: [pool api] child 4242 exited on signal 11 (SIGSEGV) after 1.0 seconds from start\" each time", "app_crash", RecordKind.PhpFpm, "api")]
    [InlineData("Nov 21 13:42:01 kernel: Out of memory: Killed process 4242 (uvicorn) total-vm:812345kB, anon-rss:512000kB", "oom_killed", RecordKind.Kernel, "uvicorn")]
    [InlineData("Nov 21 13:42:01 kernel: [12345.678901] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task=gunicorn,pid=4242,uid=33", "oom_killed", RecordKind.Kernel, "gunicorn")]
    [InlineData("Nov 21 13:42:01 php-fpm[812]: [WARNING] [pool www] child 4242 exited on signal 9 (SIGKILL) after 3.0 seconds from start", "app_crash", RecordKind.PhpFpm, "www")]
    // FPM's pool record quoted without its time and level (a notes page under a Zabbix timeout).
    [InlineData("[pool www] server reached pm.max_children setting (5), consider raising it", "fpm_pool_exhausted", RecordKind.PhpFpm, "www")]
    [InlineData("[pool api] child 4242 exited on signal 9 (SIGKILL) after 3.0 seconds from start", "app_crash", RecordKind.PhpFpm, "api")]
    [InlineData("Process nginx (pid: 3860819) triggered an OOM kill on process php-fpm (pid: 3128340, oom_score: 2086003, oom_score_adj: 936). The process had reached 2097152 pages in size.", "oom_killed", RecordKind.Kernel, "php-fpm")]
    [InlineData("[12345.678901] oom_reaper: reaped process 4242 (uwsgi), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB", "oom_killed", RecordKind.Kernel, "uwsgi")]
    // FPM's pool message quoted without its time and level.
    [InlineData("[pool www] server reached pm.max_children setting (10), consider raising it", "fpm_pool_exhausted", RecordKind.PhpFpm, "www")]
    [InlineData("[pool shop] child 4242 exited on signal 11 (SIGSEGV) after 1.0 seconds from start", "app_crash", RecordKind.PhpFpm, "shop")]
    public void QuotedCompanionLine_IsRecognised(string line, string cause, RecordKind kind, string subject)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(kind, r.Kind);
        Assert.Equal(subject, r.Subject);
        Assert.Null(r.Status);
    }

    [Theory]
    [InlineData("2026-11-21 13:44:01 - DAMN ! worker 3 (pid: 101) died, killed by signal 9 :( trying respawn ...", "app_crash", 101)]
    [InlineData("2026-11-21 13:44:01 - *** HARAKIRI ON WORKER 1 (pid: 66, try: 1) ***", "app_worker_timeout", 66)]
    public void UwsgiLineWithIsoLogDate_IsRecognised(string line, string cause, int pid)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(RecordKind.Uwsgi, r.Kind);
        Assert.Equal(new DateTime(2026, 11, 21, 13, 44, 1), r.Time);
        Assert.Equal(pid, r.Pid);
    }

    /// <summary>A quote of a companion record whose writer dropped its time, pool or pid still opens it.</summary>
    [Theory]
    [InlineData("- found **28** `WARNING: server reached pm.max_children setting (5)` in the FPM log", "fpm_pool_exhausted", RecordKind.PhpFpm)]
    [InlineData("**php-fpm:** `child exited on signal 11 (SIGSEGV)` -> a native extension crashed", "app_crash", RecordKind.PhpFpm)]
    [InlineData("  - \"serial console: repeated `Out of memory: Killed process (python)` anon-rss ~15GB\"", "oom_killed", RecordKind.Kernel)]
    // gunicorn's arbiter line in the middle of a sentence, bare or quoted past where quotes are first looked for.
    [InlineData("after the move to the new server gunicorn keeps giving a [CRITICAL] WORKER TIMEOUT . raising --timeout did not help", "app_worker_timeout", RecordKind.Gunicorn)]
    [InlineData("I run gunicorn behind nginx with --access-logfile and --error-logfile set and a long list of other options that nobody reads, and the error log still shows \"[2026-11-21 13:44:00 +0000] [12] [CRITICAL] WORKER TIMEOUT (pid:15)\" every few minutes", "app_worker_timeout", RecordKind.Gunicorn)]
    public void CompanionRecordQuotedWithoutItsPrefix_IsRecognised(string line, string cause, RecordKind kind)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, r.Cause);
        Assert.Equal(kind, r.Kind);
        Assert.Null(r.Status);
    }

    /// <summary>
    /// FPM's master message quoted whole without its time, level and pool (mailcow #931 indented it in a code block), bare,
    /// indented or behind a label: still the pool at its limit. Its older wording ("max_children") too.
    /// </summary>
    [Theory]
    [InlineData("server reached pm.max_children setting (10), consider raising it")]
    [InlineData("    server reached pm.max_children setting (10), consider raising it")]
    [InlineData("Error in PHP-FPM logs: server reached pm.max_children setting (5), consider raising it ")]
    [InlineData("server reached max_children setting (50), consider raising it")]
    public void FpmMasterMessageWithoutTimeLevelOrPool_IsPoolExhausted(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal("fpm_pool_exhausted", r.Cause);
        Assert.Equal(RecordKind.PhpFpm, r.Kind);
        Assert.Null(r.Status);
    }

    /// <summary>
    /// Unicorn's timeout kill quoted without Ruby Logger's head ("E, [time #pid] ERROR -- : "), bare or in double quotes or
    /// backticks inside a sentence: still a worker killed past its timeout, with the killed worker's pid.
    /// </summary>
    [Theory]
    [InlineData("worker=2 PID:13127 timeout (31s > 30s), killing", 13127)]
    [InlineData("No error messages in production.log, Unicorn simply kill the process, stderr: \"worker=2 PID:13127 timeout (31s > 30s), killing\"", 13127)]
    [InlineData("the unicorn log only shows `worker=0 PID:4711 timeout (61s > 60s), killing` before nginx logs the 502", 4711)]
    public void UnicornTimeoutWithoutLoggerHead_IsAppWorkerTimeout(string line, int pid)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal("app_worker_timeout", r.Cause);
        Assert.Equal(RecordKind.Unicorn, r.Kind);
        Assert.Equal(pid, r.Pid);
        Assert.Null(r.Status);
    }

    /// <summary>Other text that starts like Unicorn's worker messages is not taken for a timeout kill.</summary>
    [Theory]
    [InlineData("worker=0 ready")]
    [InlineData("worker=1 PID:13481 timeout (61s > 60s) was raised to 120s")]
    public void UnicornLikeTextWithoutTheTimeoutKill_IsNotAWorkerTimeout(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.NotEqual("app_worker_timeout", r.Cause);
    }

    /// <summary>
    /// PHP's fatal error in its display form (the CLI, display_errors: "Fatal error: ...", no "PHP " prefix), alone, quoted, or
    /// inside a sentence or Markdown emphasis: the same php_fatal companion record as the log's "PHP Fatal error: ...".
    /// </summary>
    [Theory]
    [InlineData("Fatal error: Allowed memory size of 2097152 bytes exhausted (tried to allocate 12288 bytes) in /var/www/html/vendor/a/Manager.php")]
    [InlineData("Fatal error: Maximum execution time of 30 seconds exceeded")]
    [InlineData("`Fatal error: Allowed memory size of 536870912 bytes exhausted (tried to allocate 20480 bytes) in /srv/a/Resolver.php on line 216`")]
    [InlineData("> Fatal error: Allowed memory size of 2097152 bytes exhausted (tried to allocate 20480 bytes) in E:\\xampp\\htdocs\\Event.php on line 107")]
    [InlineData("getting memory error: Fatal error: Allowed memory size of 1073741824 bytes exhausted")]
    [InlineData("When I run the above command on my test store, I get the following error: _PHP Fatal error:  Allowed memory size of 52428800 bytes exhausted (tried to allocate 73728 bytes) in /opt/a/ClassLoader.php on line 94_")]
    [InlineData("Also i tried to run setup:di:compile, then comes Fatal error: Out of memory (allocated 130547712) (tried to allocate 72 bytes) in /home/a/FileScanner.php on line 36")]
    // The log's parse error in a code span inside a sentence (round 83): E_PARSE is fatal too.
    [InlineData("I'm getting errors when I hit the _details_ page `PHP Parse error:  syntax error, unexpected '[' in .../website/details.php on line 93` which keeps the page from rendering.")]
    [InlineData("after the upgrade: PHP Parse error:  syntax error, unexpected 'fn' (T_STRING) in /srv/app/lib/util.php on line 12")]
    // round 110: a failed require's fatal in the display form, and the display form of a parse error (PHP's own "syntax
    // error, " wording, its file and line), alone and inside a sentence
    [InlineData("Fatal error: require(): Failed opening required '../footer.php' (include_path='.:/usr/share/php') in /srv/install/index.php on line 1275")]
    [InlineData("`Fatal error: require_once(): Failed opening required 'application/config.php' (include_path='.:/usr/share/php') in /var/www/index.php on line 24`")]
    [InlineData("Parse error: syntax error, unexpected end of file in /srv/app/index.php on line 356")]
    [InlineData("The message is: Parse error: syntax error, unexpected '[' in C:\\inetpub\\api\\functions.php on line 12")]
    // any fatal in the display form's own shape, "... in FILE on line N" (a compile-time one, round 110: koko-analytics)
    [InlineData("Fatal error: Default value for parameters with a class type hint can only be NULL in /srv/wp/src/class-rest.php on line 118")]
    public void PhpFatalInDisplayFormOrProse_IsPhpFatal(string line)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal("php_fatal", r.Cause);
        Assert.Equal(RecordKind.Php, r.Kind);
        Assert.Null(r.Status);
    }

    /// <summary>
    /// PHP's fatal as a framework logs or reports it (round 113): Laravel's log of the FatalError Symfony builds at shutdown
    /// (the class with single or doubled backslashes, or PHP's own limit or uncaught-exception message after Monolog's
    /// level), Bugsnag's FatalErrorException heading, PHP's limit message quoted alone, and the display form with
    /// html_errors on. PHP's fatal, no status of its own.
    /// </summary>
    [Theory]
    [InlineData("[2025-10-12 14:06:01] local.ERROR: Allowed memory size of 134217728 bytes exhausted (tried to allocate 262144 bytes)")]
    [InlineData("[2026-07-17 10:07:52] local.ERROR: Maximum execution time of 30 seconds exceeded")]
    [InlineData("    [2022-12-17 02:22:31] local.ERROR: Trait 'App\\Auth\\RegistersUsers' not found {\"exception\":\"[object] (Symfony\\\\Component\\\\ErrorHandler\\\\Error\\\\FatalError(code: 0): Trait not found at /srv/app/Api.php:16)")]
    [InlineData("[2023-05-15 18:19:49] local.ERROR: Uncaught ReflectionException: Class \"App\\Policy\" does not exist in Command line code:1")]
    [InlineData("ERROR: Allowed memory size of 536870912 bytes exhausted (tried to allocate 20480 bytes) {\"exception\":\"[object] (Symfony\\\\Component\\\\ErrorHandler\\\\Error\\\\FatalError(code: 0): Allowed memory size")]
    [InlineData("**Symfony\\Component\\Debug\\Exception\\FatalErrorException** in **GET /logs**")]
    [InlineData("Maximum execution time of 30 seconds exceeded")]
    [InlineData("    'Maximum execution time of 30 seconds exceeded' in /vendor/laravel/framework/src/Illuminate/Database/Grammar.php:58")]
    [InlineData("<b>Parse error</b>:  syntax error, unexpected 'Websites' (T_STRING), expecting ',' or ';' in <b>/srv/index.php</b> on line <b>8</b><br />")]
    [InlineData("<b>Fatal error</b>:  Uncaught Error: Call to undefined function a() in /srv/a.php:3")]
    // PHP's allocator's own fatal after Monolog's level; the limit in Markdown emphasis and behind a build log's time stamp
    [InlineData("production.ERROR: Out of memory (allocated 142606336) (tried to allocate 2621440 bytes)")]
    [InlineData("_Allowed memory size of 536870912 bytes exhausted (tried to allocate 203427840 bytes)_")]
    [InlineData("2025-Jul-05 02:53:02.752252 Allowed memory size of 134217728 bytes exhausted (tried to allocate 1052672 bytes)")]
    public void PhpFatalAsAFrameworkLogsIt_IsPhpFatal(string line)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal("php_fatal", r.Cause);
        Assert.Null(r.Status);
    }

    /// <summary>
    /// A framework's log of an exception it caught and answered stays context (round 113): Symfony's "Uncaught PHP
    /// Exception" of its kernel, Laravel's log of a database error, Laravel 5's FatalThrowableError (a PHP 7 Error it
    /// caught), PHP's limit message inside a sentence, and PHP's warnings with html_errors on.
    /// </summary>
    [Theory]
    [InlineData("[2025-01-04T19:27:00.170011+00:00] request.CRITICAL: Uncaught PHP Exception TypeError: \"Cannot assign null\" at /srv/a.php line 61 {\"exception\":\"[object] (TypeError(code: 0): x)\"} []")]
    [InlineData("[2024-04-24 18:37:10] production.ERROR: SQLSTATE[HY000] [2002] Connection refused {\"exception\":\"[object] (PDOException(code: 2002))\"}")]
    [InlineData("[2019-01-01 10:00:00] local.ERROR: Call to a member function a() on null {\"exception\":\"[object] (Symfony\\\\Component\\\\Debug\\\\Exception\\\\FatalThrowableError(code: 0): x)\"}")]
    [InlineData("after the import I get Maximum execution time of 30 seconds exceeded on every page")]
    [InlineData("since 2024 we see Allowed memory size of 134217728 bytes exhausted")]
    [InlineData("<b>Warning</b>:  Cannot modify header information - headers already sent in <b>/srv/a.php</b> on line <b>206</b><br />")]
    public void FrameworkLogOfACaughtException_IsNoPhpFatal(string line)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.NotEqual("php_fatal", r.Cause);
    }

    /// <summary>
    /// FastCGI stderr's text from FPM's "PHP message: " on, cut before any action (round 110: bacula-web's short form in a
    /// code span): F7 with a PHP fatal and no action, PHP's 500; the same text ending in a body-phase action gives none.
    /// </summary>
    [Theory]
    [InlineData("`PHP message: PHP Fatal error:  require_once(): Failed opening required 'vendor/autoload.php' (include_path='.:/usr/share/pear') in /srv/core/global.inc.php on line 19`", 500)]
    [InlineData("PHP message: PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /srv/a.php on line 7", 500)]
    [InlineData("PHP message: PHP Fatal error:  Uncaught Error: boom in /srv/a.php:3\" while reading upstream, client: 10.0.0.1, server: a", null)]
    // behind a writer's own label (round 110: espocrm's "**error 1:** PHP message: ...")
    [InlineData("**error 1:** PHP message: PHP Fatal error:  Call to a member function error() on null in /srv/crm/Json.php on line 75\" while reading response header from upstream, client: 10.0.0.1, server: a", 500)]
    public void PhpFatalFromFpmPrefixOn_GetsTheStatusOfItsAction(string line, int? status)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal("php_fatal", r.Cause);
        Assert.Equal(status, r.Status);
    }

    /// <summary>
    /// Where the display form stops: "Fatal error: " before a message PHP's engine does not write, PHP's stderr relayed
    /// inside another server's record ("PHP message: PHP Fatal error: ..."), and PHP's "Out of memory (allocated N)" read
    /// as no kernel OOM kill (the kernel writes "Out of memory: Killed process ...").
    /// </summary>
    [Theory]
    [InlineData("Fatal error: could not open configuration file /etc/app.conf", "not_an_upstream_error")]
    [InlineData("the installer stopped with a fatal error: nothing else was printed", "not_an_upstream_error")]
    [InlineData("[Mon Jul 10 10:02:27.267422 2023] [proxy_fcgi:error] [pid 1:tid 2] [client 10.0.0.1:4069] AH01071: Got error 'PHP message: PHP Fatal error:  Allowed memory size of 2097152 bytes exhausted (tried to allocate 4096 bytes) in /srv/a.php on line 70'", "not_an_upstream_error")]
    [InlineData("Out of memory (allocated 2097152) (tried to allocate 4096 bytes) in /srv/a.php on line 70", "not_an_upstream_error")]
    [InlineData("the linter reported a Parse error: unexpected token in config.yaml", "not_an_upstream_error")]
    [InlineData("the parser printed Parse error: syntax error, unexpected token", "not_an_upstream_error")]
    [InlineData("Fatal error: the config has no line 3 in it", "not_an_upstream_error")]
    [InlineData("[Mon Jul 10 10:02:27.267422 2023] [proxy_fcgi:error] [pid 1:tid 2] [client 10.0.0.1:4069] AH01071: Got error 'PHP message: PHP Parse error:  syntax error, unexpected end of file in /srv/a.php on line 9'", "not_an_upstream_error")]
    // lighttpd's mod_fastcgi and Apache's mod_fcgid relaying PHP's stderr (round 110: adsb-receiver, ipmagnet)
    [InlineData("2018-06-10 00:14:37: (mod_fastcgi.c.2543) FastCGI-stderr: PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000]: General error: 1 no such table: settings in /var/www/html/classes/common.class.php:95", "not_an_upstream_error")]
    [InlineData("2019-09-14 20:48:52: (mod_fastcgi.c.421) FastCGI-stderr: PHP message: PHP Parse error:  syntax error, unexpected 'else' (T_ELSE) in /var/www/html/generate.php on line 95", "not_an_upstream_error")]
    [InlineData("    mod_fcgid: stderr: PHP Parse error:  syntax error, unexpected 'version' (T_STRING) in index.php on line 114", "not_an_upstream_error")]
    [InlineData("(mod_fastcgi.c.2694) FastCGI-stderr: PHP Parse error:  syntax error, unexpected '[', expecting ')' in /var/www/html/admin/header.php on line 4", "not_an_upstream_error")]
    public void FatalErrorTextThatIsNoPhpRecordOfItsOwn_IsNotPhpFatal(string line, string cause)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
    }

    /// <summary>Where that tolerance stops: quoted text that is no whole companion record, and a kernel report's process table.</summary>
    [Theory]
    [InlineData("I set `[www]` and `pm.max_children = 5` in the pool file; php-fpm then reached pm.max_children setting again")]
    [InlineData("the docs say \"[pool www] server reached pm.max_children\" is harmless")]
    [InlineData("[pool www] server reached pm.max_children again, says the FPM log of the other box")]
    [InlineData("[pool www] child processes are all busy")]
    [InlineData("Symptom: FPM log \"server reached pm.max_children setting\". Nginx returns 502/504.")]
    [InlineData("server reached pm.max_children setting (N), consider raising it")]
    [InlineData("server reached pm.max_children setting (5) twice today, consider raising it")]
    [InlineData("server reached pm.max_requests setting (500), consider raising it")]
    [InlineData("the worker said `child process started` and stopped")]
    [InlineData("the [docs] WORKER TIMEOUT section explains gunicorn's --timeout")]
    [InlineData("Nov 21 13:42:01 kernel: [ 4242]    33  4242   104205    11897   532480        0             0 php-fpm8.2")]
    [InlineData("Nov 21 13:42:01 kernel: CPU: 4 PID: 63635 Comm: uwsgi Not tainted 5.4.0-77-generic #86-Ubuntu")]
    [InlineData("npm ERR! code ELIFECYCLE")]
    [InlineData("npm ERR! Exit status 1 is what the start script printed on the old box too")]
    [InlineData("./run.sh: line 7:  311 Terminated              ./server")]
    [InlineData("the job said: line 7: 311 Killed after an hour")]
    // Another program's "Out of memory:" that names no kill (round 106: Pterodactyl's daemon on a container that exited).
    [InlineData("[Pterodactyl Daemon]: Out of memory: false")]
    [InlineData("Out of memory: false")]
    public void TextThatOnlyMentionsACompanionRecord_IsNotOne(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal("not_an_upstream_error", r.Cause);
    }

    [Theory]
    [InlineData("... \"Hello there\" 404 pages later")]
    [InlineData("... \"upstream timed out (110: Connection timed out) while reading response header from upstream\" ...")]
    // A dash after a word that only looks like a hexadecimal number is prose, not Harbor's address.
    [InlineData("defaced - \"GET / HTTP/1.1\" 200 was what the old proxy logged")]
    // A bracketed time-like token far into prose is still no access line unless the time's own shape follows.
    [InlineData("the proxy in front of our service wrote this into the log for every single request it got [13/Sep/2024 at noon] \"GET /x HTTP/1.1\" 502")]
    // A status-first line needs an address after the status and a request line after that.
    [InlineData("[04/Mar/2026:09:15:02 +0100] 502 responses came back while GET / HTTP/1.1 was retried")]
    [InlineData("[04/Mar/2026:09:15:02 +0100] 502 10.0.0.7 went away before any request was read")]
    // A number before a quote that is no request line, or no status at all, is no access line's status.
    [InlineData("[04/Mar/2026:09:15:02 +0100] 502 \"went away\" says the monitor")]
    // A quote that opens the line but holds no request line, or a request line with no status after it.
    [InlineData("\"Bad Gateway\" 502 came back again")]
    [InlineData("\"GET /health HTTP/1.1\" failed twice")]
    [InlineData("10.0.0.7 - - [04/Mar/2026:09:15:02 +0100] 042 \"GET / HTTP/1.1\" \"curl/8.5.0\"")]
    // A bracketed time, words and a [Client ...] tag do not make an access line without the status before the method.
    [InlineData("[04/Mar/2026:09:15:02 +0100] we saw GET http example.org \"/x\" [Client 10.0.0.7] fail again")]
    // A bracket holding words or a time with letters is no masked time.
    [InlineData("10.0.0.1 - - [time removed] \"GET / HTTP/1.1\" 502 was all we kept")]
    [InlineData("we saw [--] \"GET / HTTP/1.1\" 502 twice")]
    // A dash pair after a word, then a quote that is no request line.
    [InlineData("10.0.0.1 - - \"hello\" 502 times")]
    [InlineData("10.0.0.1 \"said hello\" 200 times")]
    // A request quoted in a sentence without its protocol or without the size after the status, or after an address (an
    // app server's own access format), states no access line's status.
    [InlineData("we are getting \"GET /api/users\" 499 0 all day")]
    [InlineData("we are getting \"GET /api/users HTTP/1.1\" 499 times a day")]
    // A logger's bracketed level in the head: an app's own request log (KasmVNC's websocket server), not a sentence.
    [InlineData(" 2023-05-16 22:20:27,953 [INFO] websocket 1552: 10.20.0.1 2a12:3e80:1:237:: kasm_user \"GET /index.html HTTP/1.1\" 200 22064")]
    [InlineData("2024-01-02 10:00:00 [DEBUG] web: served kasm_user \"GET /vnc.html HTTP/1.1\" 502 150")]
    // env_logger's bracket (time, level, target) before a masked address: actix-web's own request log (round 114).
    [InlineData("[2024-01-02T19:26:26Z INFO  actix_web::middleware::logger] xx.xxx.xxx.xxx \"GET /font/Lato%20Regular/0-255 HTTP/1.1\" 200 36890 \"-\" \"Mozilla/5.0\" 0.021856")]
    [InlineData("[2025-03-01T08:00:00Z WARN  my_app::http] client.example \"POST /tiles/1/2/3 HTTP/1.1\" 502 0 \"-\" \"curl/8.5.0\"")]
    // An application's own key=value line: a status, but none of nginx's upstream or timing keys (upstreamStatus,
    // provider_status are the app's), or a status that is no three-digit code.
    [InlineData("provider_failed status=502 UpstreamError provider=openai provider_status=502")]
    [InlineData("error=type=Error code=upstream_empty_response status=502 upstreamStatus=200 rawLength=31")]
    [InlineData("[2024-03-15T14:34:04Z] ERROR api-gateway/proxy.go:215 request_id=req_l2m34 path=/api/v2/orders status=502 error=\"retries exhausted\"")]
    [InlineData("status=fail upstream_status=502 request_time=0.003")]
    // Tab-separated label:value fields without a timing label: an app's own LTSV-like line.
    [InlineData("time:2015-09-06T06:00:43+09:00\tmethod:GET\tstatus:502\tbackend:orders")]
    [InlineData("INFO actix_web::middleware::logger: 127.0.0.1:34972 \"POST /api/v1/upload HTTP/1.0\" 200 10 \"-\" \"python-requests/2.9.1\" 1.277650")]
    // An address with its client port before " - " and the request: uvicorn's own access log (round 79), not nginx's
    // $remote_addr, which never holds a port; the status is the backend's.
    [InlineData("127.0.0.1:43552 - \"GET /_health/ HTTP/1.1\" 200")]
    [InlineData("172.18.0.5:50344 - \"POST /api/v1/jobs HTTP/1.1\" 502")]
    // A request line at the line's start without its protocol before the quote, and NPM-like words that are no head.
    [InlineData("GET /webapp/\" 502 times from the probe")]
    // A path opening a sentence: no size after the number, or no status right after the quote.
    [InlineData("/etc/nginx/sites-enabled/default HTTP/1.1\" 200 went missing")]
    [InlineData("/api HTTP/1.1\" said 200 0")]
    [InlineData("we saw 502 - GET https on the dashboard \"/pun/sys/dashboard\" all day long")]
    // Words after the bracketed time, then a quote that opens no request line.
    [InlineData("10.0.0.1 - - [08/Apr/2018:16:01:01 +0800] the proxy said \"bad gateway\" 502 166 times")]
    // A bracket with the day and month but no ellipsis where the rest was cut.
    [InlineData("10.0.0.1 - - [11/Jul/2026 at noon] \"GET / HTTP/1.1\" 502 was all we kept")]
    public void EllipsisBeforeAQuoteThatIsNoRequestLine_IsNoAccessLine(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.NotEqual(RecordKind.NginxAccess, r.Kind);
    }

    [Fact]
    public void HarborAccessLineWithTheTimeFirst_KeepsItsTime()
    {
        var r = Assert.Single(DiagnosisEngine.Analyze("[06/Apr/2022:03:44:03 +0000]:172.18.188.207 - \"GET / HTTP/1.1\" 200 901 \"-\" \"kube-probe/1.23\" 0.001 0.000 .").Records);
        Assert.Equal(RecordKind.NginxAccess, r.Kind);
        Assert.Equal(new DateTime(2022, 4, 6, 3, 44, 3), r.Time);
    }

    [Fact]
    public void AuditEpoch_BecomesTheRecordTime()
    {
        var r = Assert.Single(DiagnosisEngine.Analyze("type=AVC msg=audit(1763732534.123:456): avc:  denied  { name_connect } for  pid=1 comm=\"nginx\" dest=8080 tclass=tcp_socket").Records);
        Assert.Equal(new DateTime(2025, 11, 21, 13, 42, 14), r.Time);
    }

    [Theory]
    [InlineData("192.168.58.11 - - [03/Nov/2024:06:09:29 +0000] \"GET / HTTP/1.1\" 502 559 \"-\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\" \"-\"", 502)]
    [InlineData("10.0.0.1 - bob [03/Nov/2024:06:09:29 +0100] \"GET /a\" b\" HTTP/1.1\" 504 0 \"-\" \"curl/8\"", 504)]
    [InlineData("10.0.0.1 - - [03/Nov/2024:06:09:29 +0000] \"GET /x HTTP/1.1\" 009 12 \"-\" \"curl/8\"", 9)]
    // A writer's ellipsis for the head (client, user, time) before the quoted request.
    [InlineData("... \"GET /app2/queue/join HTTP/1.1\" 404 22 \"-\" ...", 404)]
    [InlineData("\u2026 \"POST /api/chat HTTP/1.1\" 502 157 \"-\"", 502)]
    // No head at all: the writer kept the quoted request, the status and the size.
    [InlineData("\"GET /health HTTP/1.1\" 502 157", 502)]
    // Harbor's proxy format: no user and no bracketed time between the address and the request, or the time first.
    [InlineData("10.1.2.3 - \"GET /v2/ HTTP/1.1\" 401 76 \"-\" \"docker/20.10.14\" 0.013 0.013 .", 401)]
    [InlineData("[06/Apr/2022:03:44:10 +0000]:172.20.194.10 - \"PATCH /v2/a/blobs/uploads/1 HTTP/1.1\" 502 157 \"-\" \"docker/20.10.14\" 60.001 60.001 .", 502)]
    [InlineData("fe80::1 - \"HEAD /v2/a/blobs/sha256:00 HTTP/1.1\" 404 0 \"-\" \"containerd/1.7\" 0.002 0.002 .", 404)]
    // An IPv4-mapped IPv6 client (its colons before the dots) is still an address without a port (round 79).
    [InlineData("::ffff:10.0.0.7 - \"GET /v2/ HTTP/1.1\" 502 157 \"-\" \"docker/24.0\" 0.001 0.001 .", 502)]
    // A format that starts at the time (docker-registry-proxy's "- [time] ..." once the leading dash is read as a list's).
    [InlineData("[07/Oct/2020:18:47:42 +0000] \"/v2/\" 401 87 \"HOST:registry-1.docker.io\" \"UPSTREAM:18.232.227.119:443\"", 401)]
    [InlineData("- [07/Oct/2020:18:47:43 +0000] \"/token\" 200 4286 \"HOST:auth.docker.io\"", 200)]
    // The same shape pasted with a blank before the time's bracket (round 79).
    [InlineData(" [02/Jun/2025:04:41:05 +0000] \"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\" 101 127", 101)]
    // One more token ($msec) between the bracketed time and the request.
    [InlineData("registry.example.com 10.0.0.1 [29/Aug/2017:14:34:39 +0800] 1503988479.444 \"GET /v2/ HTTP/1.1\" 401 200 \"-\" \"docker/17.06\" 0.000 -", 401)]
    // Two blanks instead of one between the bracketed time and the request (a format aligned by its writer, Open edX's),
    // with the scheme as the head and the request and upstream times after the user agent.
    [InlineData("https [07/Jun/2023:12:48:17 +0000]  \"POST /xblock/handler/studio_submit HTTP/1.1\" 499 0 60.193 \"-\" \"Mozilla/5.0\" 127.0.0.1:18010 59.960", 499)]
    [InlineData("10.0.0.1 - - [07/Jun/2023:12:48:17 +0000]   \"GET /courses HTTP/1.1\" 502 157 \"-\" \"curl/8\"", 502)]
    // Behind a Docker Swarm task's long log prefix (service, replica, task id and node before the pipe).
    [InlineData("ecap-indico_indico-nginx.1.dv0at48j8joh@ecap-s027    | 10.0.17.185 - admin [13/Sep/2024:11:33:06 +0000] \"GET /bootstrap HTTP/1.1\" 502 157 \"-\" \"curl/8\"", 502)]
    // Home Assistant add-ons' format: the status right after the time, the addresses, then the request line unquoted.
    [InlineData("[04/Mar/2026:09:15:02 +0100] 502 10.0.0.7, 172.30.32.1(172.30.32.2) GET /api/status HTTP/1.1 (curl/8.5.0)", 502)]
    [InlineData("[04/Mar/2026:09:15:02 +0100] 499 -(172.30.32.2) POST /ingress/api/upload HTTP/2.0 (Mozilla/5.0 (X11; Linux x86_64))", 499)]
    // Nginx Proxy Manager's proxy-host format (cache status, upstream status, status) and its default-host format.
    [InlineData("[04/Mar/2026:09:15:02 +0000] - 502 502 - GET https app.home.example \"/api/health\" [Client 10.0.0.7] [Length 552] [Gzip 3.91] [Sent-to 192.168.1.20] \"curl/8.5.0\" \"-\"", 502)]
    [InlineData("[04/Mar/2026:09:15:02 +0000] - 504, 502 502 - POST http app.home.example \"/upload\" [Client 10.0.0.7] [Length 552] [Gzip -] [Sent-to app] \"curl/8.5.0\" \"-\"", 502)]
    [InlineData("[04/Mar/2026:09:15:02 +0100] 404 - GET http 10.0.0.2 \"/favicon.ico\" [Client 10.0.0.7] [Length 146] [Gzip -] \"curl/8.5.0\" \"-\"", 404)]
    // The status as the one token between the bracketed time and the quoted request, none after it (PM2 #3407's format,
    // the request cut by its writer), behind a head or at the line's start.
    [InlineData("OK 5.815 10.0.0.7 - - [16/Jan/2018:16:10:09 +0700] 502 \"GET /api/v2/get_config?id=1235", 502)]
    [InlineData("10.0.0.7 - - [16/Jan/2018:16:10:09 +0700] 499 \"POST /api/upload HTTP/1.1\" \"curl/8.5.0\"", 499)]
    [InlineData("[16/Jan/2018:16:10:09 +0700] 504 \"GET /slow HTTP/1.1\" 0.5 \"-\"", 504)]
    // Grafana's gateway format for Loki, Mimir and Cortex: two blanks after the time, the status, the request, then the
    // body's size, which is not the status (round 115: Cortex's resolver PR, Mimir's kubriX thread).
    [InlineData("172.17.0.14 - - [27/Jan/2018:16:53:38 +0000]  499 \"POST /api/prom/push HTTP/1.1\" 0 \"-\" \"Go-http-client/1.1\" \"-\"", 499)]
    [InlineData("10.240.0.32 - - [06/Aug/2024:12:35:19 +0000]  502 \"POST /api/v1/push HTTP/1.1\" 157 \"-\" \"Prometheus/2.53.1\" \"10.138.5.2\"", 502)]
    [InlineData("[06/Aug/2024:12:35:19 +0000]  504 \"GET /loki/api/v1/query_range HTTP/1.1\" 0 \"-\" \"Grafana/11.1.0\" \"-\"", 504)]
    // The combined format without its time (left out of log_format), the user empty.
    [InlineData("10.244.0.11 - - \"GET /admin-api/user HTTP/1.1\" 502 559", 502)]
    // A format with the quoted request right after the address, the tries' addresses and statuses after the status.
    [InlineData("172.16.0.2 \"GET / HTTP/1.1\" 502 upstream=172.16.1.3:8080, shop_api upstream_status=502, 502 time=0.000, 0.000", 502)]
    // The time masked by its writer inside the brackets (dashes, x's), the zone kept or not: ingress-nginx's format.
    [InlineData("10.42.0.0 - - [---------- +0000] \"GET /albums/ HTTP/1.1\" 502 552 \"-\" \"Mozilla/5.0\" 476 0.003 [ns-app-9080] [] 10.42.0.104:9080 0 0.001 502 a83c", 502)]
    [InlineData("10.0.0.1 - - [xx/xxx/xxxx:xx:xx:xx] \"POST /upload HTTP/1.1\" 413 176 \"-\" \"curl/8\"", 413)]
    // Only the date masked, the clock and zone kept, in a format that starts at the time, indented in a list (round 116).
    [InlineData("   [xxx:17:38:55 +0800] \"POST /xxx/batch/update HTTP/1.0\" 200 65493 \"-\" \"curl/8\" \"-\" ", 200)]
    // Another bracketed field before the time (nginx-ingress-controller 0.9's PROXY protocol address), behind Docker's
    // time stamp; an empty request line too.
    [InlineData("2017-04-05T20:52:09.129903905Z ::ffff:10.101.61.0 - [::ffff:10.101.61.0] - - [05/Apr/2017:20:52:09 +0000] \"GET / HTTP/1.1\" 404 21 \"-\" \"curl/8\" 205 0.002 [upstream-default-backend] 10.101.15.11:8080 21 0.002 404", 404)]
    [InlineData("::ffff:10.101.12.0 - [::ffff:10.101.12.0] - - [06/Apr/2017:08:39:26 +0000] \"\" 400 0 \"-\" \"-\" 0 0.000 [] - - - -", 400)]
    // A collector's bracketed tag before the address.
    [InlineData("2024-03-15 09:15:02.345 [gateway-worker-3] ERROR 192.168.1.102 - - [15/Mar/2024:09:15:02 +0000] \"POST /api/v1/payments HTTP/1.1\" 504 0 \"-\" \"axios/0.21.1\"", 504)]
    // The access line's request, status and size quoted inside a sentence.
    [InlineData("On troubleshooting the logs of Ingress, we are getting \"GET /api/apiadmin/Permission/UserPermissions/16018 HTTP/2.0\" 499 0", 499)]
    [InlineData("the log says \"POST /upload HTTP/1.1\" 502 - for every retry", 502)]
    // key=value formats: status= with one of nginx's upstream or timing keys, also behind a writer's label or words.
    [InlineData("status=504 upstream_status=504 request_time=60.001 upstream_connect_time=0.002 upstream_response_time=60.000 uri=/api/orders/search", 504)]
    [InlineData("Nginx access log: status=504 upstream_response_time=60.000", 504)]
    [InlineData("#     host=witan.example.edu status=502 upstream_status=502", 502)]
    [InlineData("  Failed lab-000122: access.log 2026-08-20T11:05:02.503Z /health status=502 upstream=172.23.0.12:8080 upstream_status=502.", 502)]
    // LTSV: tab-separated label:value fields with a timing label.
    [InlineData("time:2015-09-06T06:00:43+09:00\tmethod:GET\turi:/foo/bar/5xx\tstatus:504\tsize:15\tapptime:60.000", 504)]
    [InlineData("time:[09/Feb/2020:17:22:35 +0000]\thost:172.28.128.4\tstatus:502\treq:GET /api/users/109 HTTP/1.1\treqtime:30.000008\t", 502)]
    // Nginx Proxy Manager's proxy-host format with [Length ...] after the URI where the writer dropped [Client ...], and
    // its head alone without the time.
    [InlineData("[11/Sep/2026:21:44:55 +0000] HIT - 502 - GET https app.home.example \"/sw.js\" [Length 584]", 502)]
    [InlineData("- 502 502 - GET https ood.example \"/pun/sys/dashboard\"   the upstream returned 502", 502)]
    // The request line opening the line, its opening quote cut with the head.
    [InlineData("GET /webapp/ HTTP/1.1\" 502 150 \"-\" \"curl/8\" 667 0.001 [default-webapp-8000] [] 10.244.0.27:8000 0 0.000 502 0652", 502)]
    // The method cut with the head too: the line opens at the request's path (an appliance's access line as a user pasted it).
    [InlineData("/api/sm/services/shellinaboxd HTTP/1.1\" 200 231 \"https://192.168.1.116/\" \"Mozilla/5.0\"", 200)]
    [InlineData("/ui/login HTTP/2.0\" 502 - \"-\" \"curl/8\"", 502)]
    // An access line without its time inside an escaped code literal; a time cut by the writer's ellipsis; Fluentd's
    // out_file line (time, tag, JSON record) around Docker's "log" string.
    [InlineData("            \"2024-03-02T09:40:00.000000000Z stdout F 10.244.2.5 - - \\\"GET /healthz HTTP/1.1\\\" 200 2\"", 200)]
    [InlineData("# 2026-07-11T12:00:00.000Z stdout F 10.244.0.1 - - [11/Jul/2026...] \"GET / HTTP/1.1\" 502", 502)]
    [InlineData("2019-10-24T10:47:03+00:00\tnginx-test\t{\"log\":\"172.17.0.1 - - [24/Oct/2019:10:47:03 +0000] \\\"GET / HTTP/1.1\\\" 504 612 \\\"-\\\" \\\"curl/7.55.1\\\"\",\"source\":\"stdout\"}", 504)]
    // A few fields between the bracketed time and the quoted request ($scheme://$host and a dash).
    [InlineData("5.45.207.60 - - [08/Apr/2018:16:01:01 +0800] https://h5.example.com - \"GET /robots.txt HTTP/1.1\" 502 166 \"-\" \"YandexBot/3.0\" \"-\"", 502)]
    // Fields joined by a delimiter instead of a blank ("||" after a time without its date, " | ", a comma).
    [InlineData("[11:24:40 +0000]|| \"POST /com.company.test/order HTTP/2.0\"|| 502|| 150|| \"-\"|| grpc-java-netty/1.17.2|| -|| 0.000|| 0.001|| 10.46.46.161:9999|| 502", 502)]
    [InlineData("2026-01-05 10:00:01 | 10.0.0.7 | \"GET /api/x HTTP/1.1\" | 504 | 0.000 | 60.001", 504)]
    [InlineData("10.0.0.7,\"GET /api/x HTTP/1.1\",499,0", 499)]
    // Fields joined by " - " with the status before the request (Deis Workflow's router).
    [InlineData("[2026-03-04T09:15:02+00:00] - shop - 10.0.0.7 - - - 504 - \"POST /api/orders HTTP/1.1\" - 176 - \"-\" - \"curl/8.5.0\" - 10.1.0.9:80 - shop.example - 60.001 - 60.002", 504)]
    // A line kept as a code literal and cut after its status.
    [InlineData("  '2026-04-18T10:01:12Z web-01 nginx: 10.0.0.42 - - [18/Apr/2026:10:01:12 +0000] \"GET /api/search HTTP/1.1\" 200',", 200)]
    [InlineData("    `10.0.0.42 - - [18/Apr/2026:10:01:12 +0000] \"GET /x HTTP/1.1\" 502`", 502)]
    // Two blanks before the status, and $host between the request and the status (the size after it).
    [InlineData("10.10.49.139 - - [23/May/2022:10:15:17 +0200] **18598** \"GET /a.css HTTP/1.1\"  200 18468 \"-\" \"Mozilla/5.0\"", 200)]
    [InlineData("182.69.143.120 - - [31/Mar/2016:03:10:51 +0530] \"GET /api/x.php HTTP/1.1\" control.example.com 404 39 \"-\" \"-\"", 404)]
    // The request unquoted after the time ($request_time $upstream_response_time before it).
    [InlineData("0.001 0.001 [23/Jan/2017:04:06:22 -0800] GET /app/ajs/x.js HTTP/1.1 304 0 \"hostname\" \"https://ref\"", 304)]
    // An ISO 8601 time in brackets ($time_iso8601), two upstream addresses before it.
    [InlineData("192.168.1.1 -> 192.168.1.2:80, 192.168.1.3 [2016-03-21T06:46:24+0200] \"POST /my-app HTTP/1.1\" 502 166 \"-\" \"Java/1.6.0_38\" 0.001 0.001, 0.000", 502)]
    // label: value fields joined by " | " with a timing label.
    [InlineData("[05/Aug/2019:20:45:55 +0100] 127.0.0.1 -> 127.0.0.1 | https POST /api/post HTTP/1.1 | urt: 0.016 msec | rt: 0.016 msec | status: 504", 504)]
    // The combined head followed by the request and the status as key=value fields with the writer's own short keys.
    [InlineData("10.155.49.14 - key [09/Jan/2017:16:29:55 +0000] request=\"POST /api/x HTTP/1.0\" status=504 bbs=84 rt=60.004 upstat=504 uprt=\"60.000\"", 504)]
    // The same head with the request line's parts apart (request_method=, request_uri=, request_protocol=): OpenWhisk's API gateway.
    [InlineData("172.17.0.1 - remote_user=\"-\" [28/May/2019:18:18:26 +0000] request_method=\"GET\" request_uri=\"/v2/ns/apis?limit=1\" request_protocol=\"HTTP/1.1\" status=500 bbs=199 rl=407 rt=0.002 hr=\"-\" xfwdf=\"-\"", 500)]
    // A JSON envelope's "message" behind indentation or a doc comment's star, and Fluentd's out_stdout line (local time with
    // its fraction and zone, the tag and a colon, then the record).
    [InlineData("                {\"message\":\"172.16.0.1 - - [25/May/2024:20:19:37 +0000] \\\"GET /contact HTTP/1.1\\\" 404 162\"}", 404)]
    [InlineData("\t * {\"source\":\"/app/nginx/logs/access.log\",\"message\":\"172.21.43.140 - - [11/Sep/2018:17:53:15 +0900] \\\"GET /v1 HTTP/1.1\\\" 502 575\"}", 502)]
    [InlineData("fluent_1  | 2019-09-03 03:23:46.148419700 +0000 nginx.accesslog: {\"message\":\"172.18.0.1 - - [03/Sep/2019:03:23:45 +0000] \\\"GET / HTTP/1.1\\\" 504 134\"}", 504)]
    // A site's own format that opens with the time and puts addresses and request ids before the quoted request.
    [InlineData("[16/May/2016:16:39:49 +0800] 10.4.31.56 2016051616394901 2612221463387989972 10.6.19.81 127.0.0.1:88 \"GET /a?x=0 HTTP/1.1\" 503 a.example 0.000 0.000 \"Mozilla/5.0\"", 503)]
    // A script's list print of the line split at its first blanks (Python's repr): the time opens a quoted element.
    [InlineData("#XObj D1(4) ['78.128.112.74', '-', '-', '[02/Feb/2026:06:34:09 +0000] \"SSH-2.0-Go\" 400 157 \"-\" \"-\"\\n']", 400)]
    [InlineData("['10.0.0.7', '-', '-', '[02/Feb/2026:06:34:09 +0000] \"GET /api HTTP/1.1\" 502 157 \"-\" \"curl/8.0\"\\n']", 502)]
    // A time the writer cut before its zone, with the request's protocol kept: still nginx's line (only Daphne's lacks both).
    [InlineData("10.0.0.7 - - [17/Jan/2022:16:28:44] \"GET /chat/2/ HTTP/1.1\" 502 157", 502)]
    // szurubooru's client image: the request unquoted after an arrow from the address, the status bracketed after it
    // (round 112), also under compose's prefix.
    [InlineData("192.168.1.9 -> GET /api/info HTTP/1.1 [502] - referer: http://192.168.1.22:8080/ -", 502)]
    [InlineData("frontend_1       | 192.168.1.9 -> GET /css/app.min.css HTTP/1.1 [304] - referer: http://192.168.1.22:8080/ -", 304)]
    public void AccessLogLine_IsNotAnUpstreamErrorWithTheStatusItStates(string line, int status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal("not_an_upstream_error", r.Cause);
        Assert.Equal(RecordKind.NginxAccess, r.Kind);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    // log_format ... escape=json, the status quoted or bare, the request whole or only its URI.
    [InlineData("{\"time_local\":\"21/Nov/2026:10:00:00 +0000\",\"remote_addr\":\"1.2.3.4\",\"request\":\"GET /api?q=\\\"x\\\" HTTP/1.1\",\"status\":\"502\",\"upstream_status\":\"502\"}", 502, "GET /api?q=\\\"x\\\" HTTP/1.1", "2026-11-21T10:00:00")]
    [InlineData("{\"time_iso8601\": \"2026-11-21T10:00:00+00:00\", \"request_uri\": \"/upload\", \"status\": 504, \"request_time\": 60.002}", 504, "/upload", "2026-11-21T10:00:00")]
    [InlineData("{\"remote_addr\":\"10.0.0.7\",\"request_method\":\"POST\",\"uri\":\"/graphql\",\"status\":499,\"upstream_response_time\":\"-\"}", 499, "/graphql", null)]
    // The writer's own key for the URI ("path") beside nginx's keys.
    [InlineData("{\"timestamp\":\"2026-08-20T11:05:02.503Z\",\"method\":\"GET\",\"path\":\"/health\",\"status\":502,\"upstream_status\":\"502\",\"request_time\":0.003}", 502, "/health", null)]
    // The object kept as a code literal or a Markdown code span behind a short head.
    [InlineData("\t\t`{\"time\":\"x\",\"uri\":\"/login/form\",\"status\":\"499\",\"request_time\":\"0.001\"}`,", 499, "/login/form", null)]
    [InlineData("    '{\"time_iso8601\":\"2026-09-22T14:05:09+03:00\",\"remote_addr\":\"2001:db8::1\",\"request\":\"POST /api/orders HTTP/2.0\",\"status\":\"502\"}',", 502, "POST /api/orders HTTP/2.0", "2026-09-22T14:05:09")]
    [InlineData("- `access.log`: `{\"method\":\"GET\",\"path\":\"/health\",\"status\":502,\"upstream_status\":\"502\"}`", 502, "/health", null)]
    public void JsonAccessLogLine_StatesItsStatus(string line, int status, string request, string? time)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line).Records);

        Assert.Equal(("not_an_upstream_error", RecordKind.NginxAccess, (int?)status, request), (r.Cause, r.Kind, r.Status, r.Message));
        Assert.Equal(time, r.Time?.ToString("s", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: myapp.service: Main process exited, code=killed, status=9/KILL", "app_crash")]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: php8.2-fpm.service: Main process exited, code=dumped, status=11/SEGV", "app_crash")]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: gunicorn.service: Main process exited, code=exited, status=1/FAILURE", "app_crash")]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: uwsgi.service: main process exited, code=killed, status=6/ABRT", "app_crash")]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: myapp.service: A process of this unit has been killed by the OOM killer.", "oom_killed")]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: myapp.service: Failed with result 'oom-kill'.", "oom_killed")]
    // systemd gave up restarting a unit that kept failing, as supervisord's "gave up" and upstart's "respawning too fast,
    // stopped" (older systemd: no colon, "refusing to start").
    [InlineData("Jan 22 20:55:10 vps systemd[1]: nextcloud-spreed-signaling.service: Start request repeated too quickly.", "app_crash")]
    [InlineData("Jul 05 13:47:03 vps systemd[1]: mastodon-streaming.service start request repeated too quickly, refusing to start.", "app_crash")]
    [InlineData("Jul 25 06:20:30 web01 systemd[1]: nginx.service: Start request repeated too quickly.", "not_an_upstream_error")]
    // The line broken after the unit's name, the message indented on the next line, is still one line.
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: myapp.service:\n  A process of this unit has been killed by the OOM killer.", "oom_killed")]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: myapp.service:\n  Main process exited, code=killed, status=9/KILL", "app_crash")]
    // A stop, a reload or a clean exit, and nginx's own unit: context.
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: myapp.service: Main process exited, code=killed, status=15/TERM", "not_an_upstream_error")]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: myapp.service: Main process exited, code=killed, status=2/INT", "not_an_upstream_error")]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: myapp.service: Main process exited, code=killed, status=1/HUP", "not_an_upstream_error")]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: myapp.service: Main process exited, code=dumped, status=3/QUIT", "not_an_upstream_error")]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: myapp.service: Main process exited, code=exited, status=0/SUCCESS", "not_an_upstream_error")]
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: nginx.service: Main process exited, code=killed, status=9/KILL", "not_an_upstream_error")]
    public void SystemdMainProcessLine_IsASupervisorRecord(string line, string cause)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line).Records);

        Assert.Equal((RecordKind.Supervisor, cause), (r.Kind, r.Cause));
        Assert.EndsWith(".service", r.Subject);
        Assert.Null(r.Status);
    }

    [Theory]
    // Other unit lines and prose that names the wording stay unknown.
    [InlineData("Nov 21 10:00:00 web01 systemd[1]: myapp.service: Failed with result 'signal'.")]
    [InlineData("the myapp.service: Main process exited line showed up after the deploy")]
    public void SystemdLineWithoutAProcessVerdict_StaysUnknown(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line).Records);

        Assert.Equal(RecordKind.Unknown, r.Kind);
    }

    [Theory]
    // An application's own JSON log: a status, but no key named after nginx's variables.
    [InlineData("{\"level\":\"info\",\"method\":\"GET\",\"uri\":\"/x\",\"status\":502,\"latency\":\"3ms\"}")]
    [InlineData("{\"level\":\"info\",\"method\":\"GET\",\"path\":\"/x\",\"status\":502,\"latency\":\"3ms\"}")]
    // The same behind a code literal's mark, and an object far into prose.
    [InlineData("  `{\"level\":\"info\",\"path\":\"/x\",\"status\":502}`")]
    [InlineData("the app printed a very long explanation first and only then {\"remote_addr\":\"1.2.3.4\",\"request\":\"GET / HTTP/1.1\",\"status\":\"502\"}")]
    // nginx's keys but no three-digit status, or no request.
    [InlineData("{\"remote_addr\":\"1.2.3.4\",\"request\":\"GET / HTTP/1.1\",\"status\":\"-\"}")]
    [InlineData("{\"remote_addr\":\"1.2.3.4\",\"status\":\"502\",\"body_bytes_sent\":\"0\"}")]
    public void JsonLineThatIsNoNginxAccessLine_StaysUnknown(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line).Records);

        Assert.NotEqual(RecordKind.NginxAccess, r.Kind);
        Assert.Null(r.Status);
    }

    [Theory]
    // Other servers' own request lines: HAProxy's HTTP log (also its status in Markdown bold), Caddy 1's error line,
    // Cloud Foundry's gorouter, PHP-FPM's access.format, morgan's short format.
    [InlineData("Mar 26 14:35:48 localhost haproxy [26/Mar/2025:14:35:48.889] webserver~ webserver 0/0/53/-1/69 502 1029 - - SH-- 7/6/1/1/0 0/0 \"GET  HTTP/2.0\" fc_err=- bc_err=ERESET")]
    [InlineData("172.19.0.1:42278 [10/Oct/2023:10:16:07.990] http-in proxies/node-0 0/0/1/47/381 **200** 5878 - - ---- 1/1/0/0/0 0/0 \"CONNECT x.io:443 HTTP/1.1\"")]
    [InlineData("30/Apr/2019:01:51:31 +0000 [ERROR 504 /foobar.php] read tcp 127.0.0.1:49154->127.0.0.1:9000: i/o timeout")]
    [InlineData("service.apps-domain.example.com - [2019-01-28T22:15:02.499+0000] \"GET /v1/some/resource HTTP/1.1\" 200 0 16409 \"-\" \"curl/8\" \"10.224.16.182:63326\" \"10.224.28.75:61022\"")]
    [InlineData("172.18.0.3 -  27/Sep/2026:10:00:00 +0000 \"GET /index.php\" 200")]
    [InlineData("::1 - GET /short HTTP/1.1 200 2 - 0.283 ms")]
    // A delimiter after a quoted request without its protocol, or after prose's quote: no request line.
    [InlineData("the route \"GET /api/x\" | 502 | happens on every deploy")]
    [InlineData("we saw \"lots of errors\", 502, 504 and more")]
    // A number before a dash-joined request in a sentence: no " - " join before the number, so no field.
    [InlineData("we saw 502 - \"GET /x HTTP/1.1\" - twice")]
    // A word and a number after a quoted request that no size follows; an unquoted request in prose after a time; a
    // status label without a timing label.
    [InlineData("we fetched \"GET /x HTTP/1.1\" twice 502 times")]
    [InlineData("[23/Jan/2017:04:06:22 -0800] GET /app HTTP/1.1 then 304 things")]
    [InlineData("deploy | status: 200 | all good")]
    // The combined head with a request= field that holds no request line, or a status= without a code.
    [InlineData("1.2.3.4 - - [09/Jan/2017:16:29:55 +0000] request=\"the page\" status=504")]
    [InlineData("1.2.3.4 - - [09/Jan/2017:16:29:55 +0000] request=\"GET /x HTTP/1.1\" status=-")]
    // An indented JSON object without a message key, and Fluentd's head before a record that holds no access line.
    [InlineData("    {\"level\":\"info\",\"path\":\"/x\",\"status\":502}")]
    [InlineData("2019-09-03 03:23:46.148419700 +0000 app.log: {\"message\":\"payment failed with 502\"}")]
    // A request and a number followed by more than a literal's closing mark.
    [InlineData("the test sends \"GET /x HTTP/1.1\" 502's body")]
    // The time first, then prose or a quoted word before the quoted request: no site's fields.
    [InlineData("[16/May/2016:16:39:49 +0800] we retried \"GET /a HTTP/1.1\" 502 times")]
    [InlineData("[16/May/2016:16:39:49 +0800] 10.4.31.56 \"x\" \"GET /a HTTP/1.1\" 502 0")]
    // An arrow before a request line in prose, or a bracketed number that is no status field: not szurubooru's format.
    [InlineData("the flow is client -> GET /api/info HTTP/1.1 [502] - referer: none")]
    [InlineData("10.0.0.7 -> GET /api/info HTTP/1.1 [502] and then it retried")]
        // Daphne's own access logger: a time without its zone and a request without its protocol.
    [InlineData("127.0.0.1:45978 - - [17/Jan/2022:16:28:44] \"GET /chat/2/\" 200 8834")]
    [InlineData("10.0.0.5:51514 - - [03/Mar/2023:09:12:01] \"POST /api/upload\" 502 -")]
    public void RequestLineOfAnotherServerOrProse_StatesNoStatus(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line).Records);

        Assert.NotEqual(RecordKind.NginxAccess, r.Kind);
        Assert.Null(r.Status);
    }

    /// <summary>
    /// The status line of a response as a client printed it (round 98: HTTPie's heads before and after CGSpace's limit_req
    /// zone for Baidu): like a line in the combined shape, it keeps the status it states.
    /// </summary>
    [Theory]
    [InlineData("HTTP/1.1 503 Service Temporarily Unavailable", 503)]
    [InlineData("HTTP/1.1 200 OK", 200)]
    // curl's HTTP/2 status line before 7.47: the version written "HTTP/2.0", no reason phrase (round 112).
    [InlineData("HTTP/2.0 200", 200)]
    [InlineData("HTTP/2.0 502 ", 502)]
    [InlineData("HTTP/2 502 ", 502)]
    [InlineData("HTTP/1.0 504 Gateway Time-out", 504)]
    // The lines of nginx's own error page that name its status, as curl -s printed the body (round 105).
    [InlineData("<head><title>502 Bad Gateway</title></head>", 502)]
    [InlineData("<center><h1>504 Gateway Time-out</h1></center>", 504)]
    // The page's heading as a browser showed it, copied alone (round 108: a climbing site's thumbnail behind nginx).
    [InlineData("502 Bad Gateway", 502)]
    [InlineData("504 Gateway Time-out ", 504)]
    [InlineData("400 Request Header Or Cookie Too Large", 400)]
    // Firefox's console: an XHR's response in brackets with its time (round 104, Taskcafe behind Nginx Proxy Manager).
    [InlineData("[HTTP/2 401 Unauthorized 136ms]", 401)]
    [InlineData("[HTTP/1.1 502 Bad Gateway 2041ms]", 502)]
    [InlineData("[HTTP/2 502 45ms]", 502)]
    // Indented as Markdown code, behind curl -v's response mark or npm's prefix on its report's lines (round 111: a bulk
    // delete's 405 page, a zip export's curl -v, npm publish refused by a registry's client_max_body_size).
    [InlineData("    405 Not Allowed", 405)]
    [InlineData("< HTTP/1.1 200 OK", 200)]
    [InlineData("npm ERR! <head><title>413 Request Entity Too Large</title></head>", 413)]
    [InlineData("npm error <center><h1>413 Request Entity Too Large</h1></center>", 413)]
    [InlineData("\t< HTTP/2 502", 502)]
    // Chrome's developer tools: the response's status in the request's General section (round 113, Devilbox).
    [InlineData("Status Code: 502 Bad Gateway", 502)]
    [InlineData("Status Code: 504 ", 504)]
    // nginx's whole error page run onto one line, its breaks turned into blanks or left escaped (round 115: October CMS's
    // updater; PeerTube #2516 and caprover one-click-apps #839 before).
    [InlineData("<html> <head><title>502 Bad Gateway</title></head> <body bgcolor=\"white\"> <center><h1>502 Bad Gateway</h1></center> <hr><center>nginx/1.6.0</center> </body> </html>", 502)]
    [InlineData(@"<html>\r\n<head><title>413 Request Entity Too Large</title></head>\r\n<body>\r\n<center><h1>413 Request Entity Too Large</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n", 413)]
    [InlineData("`<html> <head><title>413 Request Entity Too Large</title></head> <body> <center><h1>413 Request Entity Too Large</h1></center> <hr><center>nginx</center> </body> </html>`", 413)]
    public void ResponseStatusLine_StatesItsStatus(string line, int status)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line).Records);

        Assert.Equal(("not_an_upstream_error", RecordKind.NginxAccess, (int?)status), (r.Cause, r.Kind, r.Status));
    }

    /// <summary>A status line that goes on into a sentence, or a version nginx never answers with, is no client's print.</summary>
    [Theory]
    [InlineData("HTTP/1.1 502 Bad Gateway is what the browser shows, every time after the deploy")]
    [InlineData("HTTP/1.1 502 Bad Gateway (nginx/1.18.0)")]
    [InlineData("HTTP/1.1 5022 Bad Gateway")]
    [InlineData("HTTP/4 502 Bad Gateway")]
    // An error page's line that does not close as nginx's does, or a title that is no status.
    [InlineData("<head><title>502 Bad Gateway</title></head> came back from the proxy")]
    [InlineData("<head><title>Welcome to nginx!</title></head>")]
    [InlineData("<head><title>5022 Bad Gateway</title></head>")]
    // A heading in another server's words, or one that goes on into a sentence.
    [InlineData("503 Backend fetch failed")]
    [InlineData("504 Gateway Timeout")]
    [InlineData("502 Bad Gateway every time I open the admin page")]
    [InlineData("[HTTP/2 401 Unauthorized]")]
    [InlineData("[HTTP/2 401 Unauthorized 136ms] twice, then the page reloaded")]
    [InlineData("[HTTP/1.1 502 Bad Gateway 1.2s]")]
    // A client's prefix before prose, or before a line of the page that names no status.
    [InlineData("npm ERR! publish Failed PUT 413")]
    [InlineData("npm ERR! <hr><center>nginx/1.1.19</center>")]
    [InlineData("< Content-Type: application/zip")]
    [InlineData("    502 Bad Gateway every time I open the admin page")]
    // An indented line of the page inside a larger output quoted whole (round 85: Ansible's returned content).
    [InlineData("    <center><h1>502 Bad Gateway</h1></center>")]
    [InlineData("Status Code: 502 Bad Gateway (from disk cache), then the page reloaded")]
    [InlineData("Status Code: 5023")]
    // A whole page that is not nginx's, that goes on after its end, or that a client's own message quotes.
    [InlineData("<html> <head><title>502 Bad Gateway</title></head> <body> <h1>Bad Gateway</h1> <hr><address>Apache/2.4.41 Server</address> </body> </html>")]
    [InlineData("<html> <head><title>502 Bad Gateway</title></head> <body> <hr><center>nginx</center> </body> </html> every time")]
    [InlineData("<html> the proxy said <head><title>502 Bad Gateway</title></head> <hr><center>nginx</center> </html>")]
    [InlineData(@"502 - ""<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n""")]
    public void StatusLineInProse_StatesNoStatus(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line).Records);

        Assert.NotEqual(RecordKind.NginxAccess, r.Kind);
        Assert.Null(r.Status);
    }

    /// <summary>App servers' and supervisors' lines in the shapes operators paste them next to nginx's records (round 54).</summary>
    [Theory]
    // gunicorn's line behind k9s' pane bar, and its messages alone or behind a log view's severity column.
    [InlineData("\u2502 [2023-05-11 18:13:57 +0000] [7] [WARNING] Worker with pid 14824 was terminated due to signal 9      ", "app_crash", RecordKind.Gunicorn)]
    [InlineData("ERROR     Worker (pid:113) was sent SIGKILL! Perhaps out of memory?", "app_crash", RecordKind.Gunicorn)]
    [InlineData("CRITICAL  WORKER TIMEOUT (pid:113)", "app_worker_timeout", RecordKind.Gunicorn)]
    [InlineData("Worker (pid:8) was sent SIGKILL! Perhaps out of memory?", "app_crash", RecordKind.Gunicorn)]
    // gunicorn through Python's rich logging handler (round 103: Immich's machine learning): its %x %X time, the level
    // padded to eight characters, quoted in backticks, behind compose's prefix and cut at the terminal's width.
    [InlineData("[11/21/26 13:44:00] CRITICAL WORKER TIMEOUT (pid:15)", "app_worker_timeout", RecordKind.Gunicorn)]
    [InlineData("`[11/21/26 13:44:01] ERROR    Worker (pid:15) was sent SIGKILL! Perhaps out of memory?`", "app_crash", RecordKind.Gunicorn)]
    [InlineData("ml_1  | [11/21/26 13:44:01] ERROR    Worker (pid:15) was sent SIGKILL! Perhaps out of    ", "app_crash", RecordKind.Gunicorn)]
    [InlineData("[11/21/26 13:44:02] INFO     Booting worker with pid: 16", "not_an_upstream_error", RecordKind.Gunicorn)]
    // bash's report that an entrypoint's child died of SIGKILL or SIGSEGV (round 103: PhotoPrism killed by its memory limit).
    [InlineData("/usr/local/bin/start.sh: line 12:  4242 Killed                  gunicorn app:app", "app_crash", RecordKind.Supervisor)]
    // A copy that lost bash's padding: the script's path opens the line (round 103's PhotoPrism entrypoint).
    [InlineData("/docker-entrypoint.sh: line 9: 27 Killed node server.js", "app_crash", RecordKind.Supervisor)]
    [InlineData("./run.sh: line 7: 311 Segmentation fault      (core dumped) ./server", "app_crash", RecordKind.Supervisor)]
    // uWSGI's segfault line indented as Markdown code.
    [InlineData("    !!! uWSGI process 13266 got Segmentation Fault !!!", "app_crash", RecordKind.Uwsgi)]
    // A kernel line behind grep's file name and an RFC 3339 syslog head.
    [InlineData("/var/log/kern.log:2026-03-11T10:09:03.883522+01:00 XXXXXXXXXX kernel: [1632353.206745] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/bunkerweb.service,task=nginx,pid=2602157,uid=999", "oom_killed", RecordKind.Kernel)]
    // FPM's child line behind a writer's label, its pid masked.
    [InlineData("PHP-FPM:  child xxx exited on signal 11 (SIGSEGV)", "app_crash", RecordKind.PhpFpm)]
    // Puma's cluster master killing a worker past worker_timeout, alone and in Heroku's app log.
    [InlineData("[48246] ! Terminating timed out worker: 48247", "app_worker_timeout", RecordKind.Supervisor)]
    [InlineData("[2419] ! Terminating timed out worker (worker failed to check in within 60 seconds): 3229", "app_worker_timeout", RecordKind.Supervisor)]
    [InlineData("2017-02-17T11:36:45.165809+00:00 app[web.1]: [4] ! Terminating timed out worker: 6", "app_worker_timeout", RecordKind.Supervisor)]
    // PM2's daemon: a fatal signal or a non-zero exit is a crash, code 0 with a stop signal a restart.
    [InlineData("PM2 log: App [front:1] exited with code [0] via signal [SIGKILL]", "app_crash", RecordKind.Supervisor)]
    [InlineData("22:23:55    PM2 | App [backend:0] exited with code [0] via signal [SIGKILL]", "app_crash", RecordKind.Supervisor)]
    [InlineData("897361:2026-07-28T02:46:24: PM2 log: App [nco-backend:0] exited with code [0] via signal [SIGKILL]", "app_crash", RecordKind.Supervisor)]
    [InlineData("2026-07-28T02:46:24: PM2 log: App [api:0] exited with code [1] via signal [SIGINT]", "app_crash", RecordKind.Supervisor)]
    [InlineData("2018-02-04 11:47:12: App [store] with id [1] and pid [49], exited with code [0] via signal [SIGINT]", "not_an_upstream_error", RecordKind.Supervisor)]
    [InlineData("PM2 log: App [api:0] exited with code [0] via signal [SIGTERM]", "not_an_upstream_error", RecordKind.Supervisor)]
    [InlineData("PM2 log: App [api:0] exited with code [0] via signal [SIGABRT]", "app_crash", RecordKind.Supervisor)]
    // npm's report that the script it started (npm start) exited non-zero (round 90: Mongo Express after an uncaught
    // TypeError), alone, indented as Markdown code and quoted.
    [InlineData("npm ERR! Exit status 1", "app_crash", RecordKind.Supervisor)]
    [InlineData("    npm ERR! Exit status 137", "app_crash", RecordKind.Supervisor)]
    [InlineData("`npm ERR! Exit status 1`", "app_crash", RecordKind.Supervisor)]
    // systemd's unit line with its syslog head cut to systemd's tag, and cut to its time with the unit gone.
    [InlineData("systemd[1]: postgresql.service: Main process exited, code=killed, status=9/KILL", "app_crash", RecordKind.Supervisor)]
    [InlineData("systemd[1]: nginx.service: Main process exited, code=killed, status=9/KILL", "not_an_upstream_error", RecordKind.Supervisor)]
    [InlineData("15:53:20  Main process exited, code=killed, status=9/KILL", "app_crash", RecordKind.Supervisor)]
    [InlineData("15:53:20  Main process exited, code=exited, status=0/SUCCESS", "not_an_upstream_error", RecordKind.Supervisor)]
    // systemctl status's main-process verdict pasted without the unit's header: a non-zero exit or a fatal signal died,
    // a clean exit or a stop signal did not.
    [InlineData(" Main PID: 27159 (code=exited, status=78)", "app_crash", RecordKind.Supervisor)]
    [InlineData("   Main PID: 812 (code=killed, signal=KILL)", "app_crash", RecordKind.Supervisor)]
    [InlineData("Main PID: 4411 (code=dumped, signal=SEGV)", "app_crash", RecordKind.Supervisor)]
    [InlineData(" Main PID: 27159 (code=exited, status=0/SUCCESS)", "not_an_upstream_error", RecordKind.Supervisor)]
    [InlineData(" Main PID: 27159 (code=killed, signal=TERM)", "not_an_upstream_error", RecordKind.Supervisor)]
    [InlineData(" Main PID: 27159 (code=killed, signal=HUP)", "not_an_upstream_error", RecordKind.Supervisor)]
    // systemctl status's line for the unit's ExecStart command once it ended (round 84: Mailtrain's node index.js): the
    // unit's main process, so the same verdict as "Main PID:".
    [InlineData("  Process: 23884 ExecStart=/usr/bin/node index.js (code=exited, status=1/FAILURE)", "app_crash", RecordKind.Supervisor)]
    [InlineData("Process: 1204 ExecStart=/usr/local/bin/gunicorn app:app (code=killed, signal=KILL)", "app_crash", RecordKind.Supervisor)]
    [InlineData("  Process: 991 ExecStart=/usr/sbin/php-fpm7.4 --nodaemonize (code=exited, status=0/SUCCESS)", "not_an_upstream_error", RecordKind.Supervisor)]
    // Passenger's core failing to spawn an app whose process died, in its own log, a log viewer's columns and a quote.
    [InlineData("[ E 2025-11-08 18:17:59.0395 4170381/T38 age/Cor/App/Implementation.cpp:218 ]: Could not spawn process for application /var/www/app: The application process exited prematurely.", "app_crash", RecordKind.Supervisor)]
    [InlineData("2026-08-07 12:34:09\t\t\t\t2029936/T59 age/Cor/App/Implementation.cpp:218: Could not spawn process for application /srv/app: The application process exited prematurely.", "app_crash", RecordKind.Supervisor)]
    [InlineData("Could not spawn process for application: The application process exited prematurely.", "app_crash", RecordKind.Supervisor)]
    // kubectl describe's container state killed at its memory limit.
    [InlineData("      Reason:       OOMKilled", "oom_killed", RecordKind.Kernel)]
    // supervisorctl status's row for a program supervisord cannot keep running (round 79); nginx's own row is context.
    [InlineData("frappe-bench-web:frappe-bench-node-socketio               FATAL     Exited too quickly (process log may have details)", "app_crash", RecordKind.Supervisor)]
    [InlineData("gunicorn                         BACKOFF   Exited too quickly (process log may have details)", "app_crash", RecordKind.Supervisor)]
    [InlineData("nginx                            FATAL     Exited too quickly (process log may have details)", "not_an_upstream_error", RecordKind.Supervisor)]
    [InlineData("nginx-exporter                   FATAL     Exited too quickly (process log may have details)", "app_crash", RecordKind.Supervisor)]
    // supervisor 4's layout writes one more blank after the ten-column state (round 106: Alliance Auth's gunicorn).
    [InlineData("myauth:gunicorn                  FATAL      Exited too quickly (process log may have details)", "app_crash", RecordKind.Supervisor)]
    [InlineData("worker                           BACKOFF    Exited too quickly (process log may have details)", "app_crash", RecordKind.Supervisor)]
    // The same row with its padding collapsed to one blank by the page it was pasted into, and bolded (round 85: DataPusher+).
    [InlineData("**datapusher-plus-uwsgi:datapusher-plus-uwsgi-00 FATAL Exited too quickly (process log may have details)**", "app_crash", RecordKind.Supervisor)]
    [InlineData("celery BACKOFF Exited too quickly (process log may have details)", "app_crash", RecordKind.Supervisor)]
    // CPython's fatal error before abort() (round 91: Funkwhale's server behind journalctl's French month; round 54: a
    // uWSGI worker's, indented in a code block): the interpreter dies.
    [InlineData("jui 30 11:33:30 funkwhale-server[1435]: Fatal Python error: Py_Initialize: Unable to get the locale encoding", "app_crash", RecordKind.Supervisor)]
    [InlineData("    Fatal Python error: Inconsistent interned string state.", "app_crash", RecordKind.Supervisor)]
    [InlineData("Fatal Python error: Segmentation fault", "app_crash", RecordKind.Supervisor)]
    // Other runtimes' last words: V8's heap abort (Node), Nim's unhandled exception and signal handler, the Dart VM's
    // unhandled exception report, Crystal's segfault handler; bare, behind journald's head and quoted in a sentence.
    [InlineData("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory", "app_crash", RecordKind.Supervisor)]
    [InlineData("Nov 21 10:00:01 web1 node[812]: FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory", "app_crash", RecordKind.Supervisor)]
    [InlineData("the API died with `FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - process out of memory`", "app_crash", RecordKind.Supervisor)]
    [InlineData("Error: unhandled exception: index 3 not in 0 .. 2 [IndexDefect]", "app_crash", RecordKind.Supervisor)]
    [InlineData("/srv/app/server.nim(42) server Error: unhandled exception: Connection refused [OSError]", "app_crash", RecordKind.Supervisor)]
    [InlineData("SIGSEGV: Illegal storage access. (Attempt to read from nil?)", "app_crash", RecordKind.Supervisor)]
    [InlineData("app_1  | SIGBUS: Illegal storage access. (Attempt to read from nil?)", "app_crash", RecordKind.Supervisor)]
    [InlineData("Unhandled exception:", "app_crash", RecordKind.Supervisor)]
    [InlineData("Nov 21 10:00:01 web1 dart[77]: Unhandled exception:", "app_crash", RecordKind.Supervisor)]
    [InlineData("Invalid memory access (signal 11) at address 0x7ffd5e3c1ff8", "app_crash", RecordKind.Supervisor)]
    // Go's runtime throw (round 116: a Go service behind nginx's intermittent 502), bare, under journald's head and in a
    // code span of a maintainer's sentence.
    [InlineData("fatal error: runtime: out of memory", "app_crash", RecordKind.Supervisor)]
    [InlineData("Nov 21 10:00:01 web1 wpdir[812]: fatal error: concurrent map writes", "app_crash", RecordKind.Supervisor)]
    [InlineData("@carstingaxion Unfortunately the service is now crashing with `fatal error: runtime: out of memory`, however the VPS it runs on has just been upgraded", "app_crash", RecordKind.Supervisor)]
    // Mono's native crash report (round 107: Sonarr on Mono), bare, exported with a comma at each line's end and under
    // compose's prefix; rTorrent's own fatal-signal handler; bash reporting from a start script that its command died on
    // a fatal signal.
    [InlineData("Got a SIGSEGV while executing native code. This usually indicates", "app_crash", RecordKind.Supervisor)]
    [InlineData("Got a SIGSEGV while executing native code. This usually indicates,", "app_crash", RecordKind.Supervisor)]
    [InlineData("sonarr_1  | Got a SIGABRT while executing native code. This usually indicates", "app_crash", RecordKind.Supervisor)]
    [InlineData("Caught Segmentation fault, dumping stack:", "app_crash", RecordKind.Supervisor)]
    [InlineData("Caught Bus error, dumping stack:", "app_crash", RecordKind.Supervisor)]
    [InlineData("./startNzbDrone.sh: line 2:  7477 Aborted                 (core dumped) mono NzbDrone.exe", "app_crash", RecordKind.Supervisor)]
    [InlineData("/opt/app/run.sh: line 14: 31337 Killed                  python3 server.py --port 8000", "app_crash", RecordKind.Supervisor)]
    [InlineData("Nov 21 10:00:01 web1 bash[812]: /srv/start.sh: line 5:   912 Segmentation fault      (core dumped) ./rtorrent", "app_crash", RecordKind.Supervisor)]
    // qBittorrent's crash handler in its 4.x, 3.3 and 3.x words, bare and under journald's head; an interactive shell's
    // report of the foreground command's crash.
    [InlineData("Caught signal: SIGSEGV", "app_crash", RecordKind.Supervisor)]
    [InlineData("Jun 24 21:48:24 r912 qbittorrent-nox[1264]: Caught signal: SIGSEGV", "app_crash", RecordKind.Supervisor)]
    [InlineData("qbittorrent-nox[1649]: Caught signal: SIGABRT", "app_crash", RecordKind.Supervisor)]
    [InlineData("Catching signal: SIGSEGV", "app_crash", RecordKind.Supervisor)]
    [InlineData("Catching SIGSEGV, please report a bug at http://bug.qbittorrent.org", "app_crash", RecordKind.Supervisor)]
    [InlineData("Segmentation fault (core dumped)", "app_crash", RecordKind.Supervisor)]
    [InlineData("app_1  | Aborted (core dumped)", "app_crash", RecordKind.Supervisor)]
    // Passenger killing a request's process past passenger_max_request_time (round 85), in its own log and behind a
    // platform's log viewer.
    [InlineData("[ E 2026-02-18 19:06:42.4013 106/Th age/Cor/Con/CheckoutSession.cpp:535 ]: [Client 5-104309] Maximum request time of 60 seconds reached, killing process 556", "app_worker_timeout", RecordKind.Supervisor)]
    [InlineData("Feb 18, 2026 19:07:15 app/web.2 [ E 2026-02-18 19:07:15.5047 106/Tf age/Cor/Con/CheckoutSession.cpp:535 ]: [Client 4-104264] Maximum request time of 60 seconds reached, killing process 556", "app_worker_timeout", RecordKind.Supervisor)]
    // Unicorn's launcher when the daemonized master died before it was ready (round 105: a Mina deploy), alone and behind
    // Capistrano's SSHKit prefix.
    [InlineData("master failed to start, check stderr log for details", "app_crash", RecordKind.Unicorn)]
    [InlineData("DEBUG [685f852f]    master failed to start, check stderr log for details", "app_crash", RecordKind.Unicorn)]
    // Round 117: gunicorn's arbiter as notes quote it: the SIGKILL guess with the pid dropped or elided, in a list item,
    // a table row and a sentence; its lines indented as code, with the pid and level but no time, behind an emoji and
    // with a placeholder for the pid; its last words when a worker cannot boot.
    [InlineData("1. Vérifier les logs Render : `Worker was sent SIGKILL! Perhaps out of memory?`", "app_crash", RecordKind.Gunicorn)]
    [InlineData("| `Worker was sent SIGKILL! Perhaps out of memory?` | Linux OOM killer terminated a worker | Reduce to one worker |", "app_crash", RecordKind.Gunicorn)]
    [InlineData("keeps working — `Worker (pid:…) was sent SIGKILL! Perhaps out of memory?` followed", "app_crash", RecordKind.Gunicorn)]
    [InlineData("    [2017-10-26 19:28:24 +0000] [7] [INFO] Reason: Worker failed to boot.", "app_crash", RecordKind.Gunicorn)]
    [InlineData("  [ERROR] Reason: Worker failed to boot.", "app_crash", RecordKind.Gunicorn)]
    [InlineData("    [20153] [WARNING] Worker with pid 20154 was terminated due to signal 9", "app_crash", RecordKind.Gunicorn)]
    [InlineData("[20153] [CRITICAL] WORKER TIMEOUT (pid:20154)", "app_worker_timeout", RecordKind.Gunicorn)]
    [InlineData("❌ Worker with pid [number] was terminated due to signal 9", "app_crash", RecordKind.Gunicorn)]
    // The arbiter's own SIGTERM to its workers as it stops (signal 15) is a stop, not a death.
    [InlineData("[2023-01-18 02:59:17 +0000] [1] [WARNING] Worker with pid 9 was terminated due to signal 15", "not_an_upstream_error", RecordKind.Gunicorn)]
    [InlineData("[2023-01-18 02:59:17 +0000] [1] [WARNING] Worker with pid 9 was terminated due to signal 1", "not_an_upstream_error", RecordKind.Gunicorn)]
    [InlineData("[2023-01-18 02:59:17 +0000] [1] [WARNING] Worker with pid 9 was terminated due to signal 11", "app_crash", RecordKind.Gunicorn)]
    // Celery's pool losing a worker: billiard's exit line and the task handler's WorkerLostError; a stop signal and a
    // clean exit code stay context.
    [InlineData("[2021-09-03 12:36:46,914: ERROR/MainProcess] Process 'ForkPoolWorker-31' pid:90 exited with 'signal 9 (SIGKILL)'", "app_crash", RecordKind.Supervisor)]
    [InlineData("[2021-09-03 12:36:57,381: ERROR/MainProcess] Task handler raised error: WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL) Job: 348.')", "app_crash", RecordKind.Supervisor)]
    [InlineData("[2021-09-03 12:36:57,381: ERROR/MainProcess] Task handler raised error: WorkerLostError('Worker exited prematurely: exitcode 155 Job: 12.')", "app_crash", RecordKind.Supervisor)]
    [InlineData("[2021-09-03 12:36:46,914: WARNING/MainProcess] Process 'ForkPoolWorker-2' pid:91 exited with 'signal 15 (SIGTERM)'", "not_an_upstream_error", RecordKind.Supervisor)]
    [InlineData("[2021-09-03 12:36:46,914: INFO/MainProcess] Process 'ForkPoolWorker-2' pid:91 exited with 'exitcode 0'", "not_an_upstream_error", RecordKind.Supervisor)]
    // systemd's verdicts behind journalctl's time alone, a shell comment's elision, inside a string literal with an RFC
    // 3339 head and a user manager's tag (a scope), and the oom-kill result quoted alone in a table row.
    [InlineData("18:15:50.416 plasma-kwin_wayland.service: Failed with result 'oom-kill'.", "oom_killed", RecordKind.Supervisor)]
    [InlineData("# ... myapp.service: Main process exited, code=killed, status=9/KILL", "app_crash", RecordKind.Supervisor)]
    [InlineData("\t\t\ttext:  \"2026-09-19T17:27:57.024620+00:00 web-1 systemd[546363]: run-p3963628-i54286731.scope: Failed with result 'oom-kill'.\",", "oom_killed", RecordKind.Supervisor)]
    [InlineData("systemd[1]: run-u42.scope: Failed with result 'oom-kill'.", "oom_killed", RecordKind.Supervisor)]
    [InlineData("| 12:53:49 | Kernel OOM-killer kills ffmpeg pid **92919** (output `2-1`), anon-rss 1.58GB. `restream-srs.service` marked `Failed with result 'oom-kill'` |", "oom_killed", RecordKind.Supervisor)]
    [InlineData("18:15:50.416 nginx.service: Main process exited, code=killed, status=9/KILL", "not_an_upstream_error", RecordKind.Supervisor)]
    // The OOM verdict on a slice and a session scope, behind "systemd: " in a sentence's backticks, quoted alone in
    // italics, and behind journalctl's month-day time with no host (indented), the main-process line the same way.
    [InlineData("qemu.slice: A process of this unit has been killed by the OOM killer.", "oom_killed", RecordKind.Supervisor)]
    [InlineData("Apr 05 08:24:14 kaspa-devnet systemd[1]: session-689.scope: A process of this unit has been killed by the OOM killer.", "oom_killed", RecordKind.Supervisor)]
    [InlineData("followed by `systemd: machine-qemu-1-ha.scope: A process of this unit has been killed by the OOM killer` and `Machine qemu-1-ha terminated`.", "oom_killed", RecordKind.Supervisor)]
    [InlineData("- **`journalctl --user`**: *\"A process of this unit has been killed by the OOM killer.\"*", "oom_killed", RecordKind.Supervisor)]
    [InlineData("    Aug 28 17:02:17  glm53-sr950.service: A process of this unit has been killed by the OOM killer.", "oom_killed", RecordKind.Supervisor)]
    [InlineData("    Aug 28 17:03:29  Main process exited, code=killed, status=9/KILL", "app_crash", RecordKind.Supervisor)]
    [InlineData("Aug 28 17:03:29  Main process exited, code=killed, status=15/TERM", "not_an_upstream_error", RecordKind.Supervisor)]
    // Go's unrecovered panic, Deno's uncaught error, nodemon's crash report, and V8's abort after a string literal's "\n".
    [InlineData("panic: runtime error: invalid memory address or nil pointer dereference", "app_crash", RecordKind.Supervisor)]
    [InlineData("plugin_daemon-1     | panic: [PANIC]Failed to ping serverless connector", "app_crash", RecordKind.Supervisor)]
    [InlineData("Nov 21 10:00:01 web1 api[812]: panic: assignment to entry in nil map", "app_crash", RecordKind.Supervisor)]
    [InlineData("error: Uncaught (in promise) BrokenPipe: Broken pipe (os error 32) ", "app_crash", RecordKind.Supervisor)]
    [InlineData("[nodemon] app crashed - waiting for file changes before starting...", "app_crash", RecordKind.Supervisor)]
    [InlineData("        stderr: `${PROGRESS}\\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory`,", "app_crash", RecordKind.Supervisor)]
    public void AppServerLineInAPastedShape_IsRecognised(string line, string cause, RecordKind kind)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal((kind, cause), (r.Kind, r.Cause));
        Assert.Null(r.Status);
    }

    /// <summary>
    /// Round 117: lines that look like a runtime's or an app server's last words but are not: Go's net/http and gin's
    /// Recovery reporting a panic they recovered, a sentence about a kernel panic, nodemon's other lines, gunicorn's
    /// SIGKILL guess inside a sentence without quotes.
    /// </summary>
    [Theory]
    [InlineData("2021/06/30 21:02:38 http: panic serving 9.9.9.9:63759: write tcp 10.0.22.14:443->9.9.9.9:63759: write: connection reset by peer")]
    [InlineData("2024/09/06 03:15:29 [Recovery] 2024/09/06 - 03:15:29 panic recovered:")]
    [InlineData("the box rebooted after a kernel panic: not syncing, then nginx came back")]
    [InlineData("[nodemon] restarting due to changes...")]
    [InlineData("[nodemon] starting `node server.js`")]
    [InlineData("we keep seeing Worker was sent SIGKILL in the logs after each deploy")]
    [InlineData("Aug was when the Main process exited, code=killed, status=9/KILL line first showed")]
    public void RecoveredPanicOrProse_IsNoCrash(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.NotEqual("app_crash", r.Cause);
        Assert.Null(r.Status);
    }

    /// <summary>
    /// supervisord's exit line with its program part bolded in Markdown (round 76: AWX's development compose): read as
    /// without the asterisks, nginx itself still not a backend, and a bold that does not close is not taken.
    /// </summary>
    [Theory]
    [InlineData("2023-01-07 12:45:14,785 WARN exited: **awx-rsyslogd (exit status 255; not expected)**", "app_crash", "awx-rsyslogd")]
    [InlineData("awx_1_1     | 2023-01-07 12:45:14,785 WARN exited: **php-fpm (terminated by SIGKILL; not expected)**", "app_crash", "php-fpm")]
    [InlineData("2023-01-07 12:45:14,785 WARN exited: **nginx (exit status 1; not expected)**", "not_an_upstream_error", "nginx")]
    [InlineData("2023-01-07 12:45:14,785 WARN exited: **awx-rsyslogd (exit status 0; not expected)**", "not_an_upstream_error", "awx-rsyslogd")]
    [InlineData("2023-01-07 12:45:14,785 WARN exited: awx-rsyslogd (exit status 255; not expected)**", "not_an_upstream_error", null)]
    public void SupervisorExitInMarkdownBold_IsReadWithoutTheAsterisks(string line, string cause, string? subject)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal(RecordKind.Supervisor, r.Kind);
        Assert.Equal(cause, r.Cause);
        if (subject is not null)
        {
            Assert.Equal(subject, r.Subject);
        }
    }

    /// <summary>
    /// supervisord's exit and give-up lines quoted without their time, from the level on (round 100: Standard Notes'
    /// self-hosted image, its sync server exiting): read as the whole line is, nginx itself still not a backend; the
    /// level's other messages and a level word in prose are not taken.
    /// </summary>
    [Theory]
    [InlineData("WARN exited: syncing-server (exit status 1; not expected)", "app_crash", "syncing-server")]
    [InlineData("INFO exited: php-fpm (terminated by SIGKILL; not expected)", "app_crash", "php-fpm")]
    [InlineData("INFO gave up: php-fpm7.0 entered FATAL state, too many start retries too quickly", "app_crash", "php-fpm7.0")]
    [InlineData("INFO exited: nginx (exit status 1; not expected)", "not_an_upstream_error", "nginx")]
    [InlineData("INFO exited: revisions (exit status 0; expected)", "not_an_upstream_error", null)]
    public void SupervisorLineWithoutItsTime_IsReadFromItsLevel(string line, string cause, string? subject)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal((RecordKind.Supervisor, cause), (r.Kind, r.Cause));
        Assert.Null(r.Status);
        if (subject is not null)
        {
            Assert.Equal(subject, r.Subject);
        }
    }

    [Theory]
    [InlineData("INFO spawned: 'syncing-server' with pid 1664")]
    [InlineData("WARN exited the program on its own")]
    [InlineData("INFO: exited: php-fpm (exit status 1; not expected)")]
    public void LevelWordWithoutSupervisorsExitOrGiveUp_IsNotASupervisorRecord(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.NotEqual(RecordKind.Supervisor, r.Kind);
        Assert.Equal("not_an_upstream_error", r.Cause);
    }

    /// <summary>
    /// gunicorn's arbiter logs "Exception in worker process" when a worker's start raises, then always ends that worker
    /// (round 76: Pulp's API behind nginx); its other error lines about binding and its aiohttp worker's own line do not
    /// say a worker died.
    /// </summary>
    [Theory]
    [InlineData("[2023-09-11 11:48:23 +0000] [8] [ERROR] Exception in worker process", "app_crash")]
    [InlineData("Nov 10 13:13:17 node gunicorn[3889]: [2023-11-10 13:13:17 +0000] [3889] [ERROR] Exception in worker process", "app_crash")]
    // Behind a log view's own time (in nginx's shape) and stream column (round 99: pretix's image on a NAS-style view)
    [InlineData("2026/02/02 11:03:30 | stderr | [2026-02-02 10:03:30 +0000] [120] [ERROR] Exception in worker process", "app_crash")]
    [InlineData("[2023-11-20 10:01:15 +0000] [12806] [ERROR] Retrying in 1 second.", "not_an_upstream_error")]
    [InlineData("[2023-01-10 09:42:18 +0000] [12692] [ERROR] Exception in gunicorn worker", "not_an_upstream_error")]
    public void GunicornWorkerException_IsACrashOnlyInItsOwnWords(string line, string cause)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal(RecordKind.Gunicorn, r.Kind);
        Assert.Equal(cause, r.Cause);
    }

    /// <summary>
    /// gunicorn's launcher ends with the arbiter's HaltServer exception when it halts (round 115: a NetBox plugin's upgrade,
    /// quoted with ">"): a non-zero exit status is gunicorn's crash, as the arbiter's "Reason: Worker failed to boot." is.
    /// A status of 0 and the class named in a sentence are not taken.
    /// </summary>
    [Theory]
    [InlineData("> gunicorn.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>", "app_crash")]
    [InlineData("gunicorn.errors.HaltServer: <HaltServer 'App failed to load.' 4>", "app_crash")]
    [InlineData("Jan 06 01:56:25 ubuntu-s-2 gunicorn[13842]: gunicorn.errors.HaltServer: <HaltServer 'Worker failed to boot.' 3>", "app_crash")]
    [InlineData("gunicorn.errors.HaltServer: <HaltServer 'Stopped.' 0>", "not_an_upstream_error")]
    [InlineData("I keep getting the gunicorn.errors.HaltServer exception whenever the venv is rebuilt after the upgrade to 3.12 and nothing else", "not_an_upstream_error")]
    public void GunicornHaltServer_IsACrashWithANonZeroStatus(string line, string cause)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal(cause, r.Cause);
    }

    [Theory]
    // Puma's other master lines, a worker named in prose, a PID not in brackets, a mask too long to be a pid: not taken.
    [InlineData("[48246] - Worker 0 (pid: 48247) booted, phase: 0")]
    [InlineData("[48246] ! Terminated the worker 48247 by hand")]
    [InlineData("we then saw that the Worker (pid:8) was sent SIGKILL! Perhaps out of memory?")]
    [InlineData("child xxxxxxxxxxxx exited on signal 11 (SIGSEGV)")]
    [InlineData("App [front] exited with code [0]")]
    [InlineData("after the deploy Main process exited, code=killed, status=9/KILL appeared")]
    [InlineData(" Main PID: 1234 (php-fpm7.2)")]
    [InlineData("the Main PID: 27159 (code=exited, status=78) line showed it")]
    // nginx's own unit, the other Exec lines, a running process and prose naming the field are not a backend's verdict.
    [InlineData("  Process: 22470 ExecStart=/usr/sbin/nginx -g daemon on; master_process on; (code=exited, status=1/FAILURE)")]
    [InlineData("  Process: 634 ExecStartPre=/usr/sbin/php-fpm7.4 -t (code=exited, status=78)")]
    [InlineData("  Process: 23884 ExecStart=/usr/bin/node index.js")]
    [InlineData("the Process: 23884 ExecStart=/usr/bin/node index.js (code=exited, status=1/FAILURE) line")]
    [InlineData("      Reason:       Error")]
    [InlineData("the pod was OOMKilled again after the upgrade")]
    [InlineData("Could not spawn process for application /srv/app: permission denied")]
    // CPython's words inside another word, or far into prose.
    [InlineData("NonFatal Python error: handled")]
    [InlineData("We searched the whole forum, the issue tracker and the mailing list archives for weeks, and only after a long night of reading found the message was Fatal Python error: Py_Initialize")]
    // Other programs' "FATAL ERROR:" without V8's allocation failure, an unhandled exception a program reports and goes
    // on after (a Crystal fiber's, a thread's), Nim's words without the exception's type, a signal name Nim does not
    // handle so, and Crystal's words without the signal.
    [InlineData("FATAL ERROR: could not open the configuration file /etc/app.conf")]
    [InlineData("Unhandled exception in spawn:")]
    [InlineData("Unhandled exception: the request was cancelled by the client")]
    [InlineData("Error: unhandled exception: see the log above")]
    [InlineData("SIGTERM: Illegal storage access.")]
    [InlineData("Invalid memory access (signal handler not installed)")]
    // A compiler's "fatal error:" for a file, and Go's words for a throw that is not the runtime's.
    [InlineData("main.c:1:10: fatal error: 'stdio.h' file not found")]
    [InlineData("fatal error: the build cache is full")]
    // Mono's words without a signal's name, rTorrent's without a signal's description, a shell's report of a stop
    // signal, its other errors, and a script's line named in prose.
    [InlineData("Got a response while executing native code in the plugin")]
    [InlineData("Caught exception in the scheduler, dumping stack: see below")]
    [InlineData("./start.sh: line 2:  7477 Terminated              mono NzbDrone.exe")]
    [InlineData("./start.sh: line 12: mono: command not found")]
    [InlineData("the script stops at ./start.sh: line 2:  7477 Killed and nothing else is printed")]
    // A crash handler's words for a stop signal, or with more said after the signal; the shell's words inside a sentence,
    // and without "(core dumped)".
    [InlineData("Caught signal: SIGTERM")]
    [InlineData("Catching signal: SIGINT")]
    [InlineData("Caught signal: SIGSEGV in the test harness, which retried")]
    [InlineData("Catching SIGTERM, please report a bug at http://bug.qbittorrent.org")]
    [InlineData("the nightly build printed a Segmentation fault (core dumped)")]
    [InlineData("Segmentation fault")]
    // supervisorctl's rows in other states, and a FATAL that is no padded state column.
    [InlineData("frappe-bench-web:frappe-bench-frappe-web                  RUNNING   pid 2421, uptime 0:13:10")]
    [InlineData("myauth:beat                      RUNNING    pid 14512, uptime 0:02:19")]
    [InlineData("worker                           FATAL        Exited too quickly (process log may have details)")]
    [InlineData("main FATAL error: could not open the config file")]
    [InlineData("the socketio program went FATAL     Exited too quickly")]
    // An unpadded state is taken only before supervisord's own description.
    [InlineData("worker FATAL Exited after the config reload")]
    [InlineData("ckan-uwsgi:ckan-uwsgi-00 RUNNING pid 1657, uptime 0:00:22")]
    // Passenger's setting named in prose, and its line cut before the pid.
    [InlineData("Maximum request time of 60 seconds reached, killing process 556 is what the docs say happens")]
    [InlineData("[Client 5-104309] Maximum request time of 60 seconds reached, killing process")]
    // Unicorn's launcher message going on into a sentence.
    [InlineData("master failed to start, check stderr log for details is all the deploy printed, so we looked at the log")]
    public void AppServerWordsOutsideTheirRecord_StayUnknown(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal(RecordKind.Unknown, r.Kind);
    }

    /// <summary>Passenger's max-request-time line keeps the pid of the process it killed, to be set against nginx's record.</summary>
    [Fact]
    public void PassengerMaxRequestTimeLine_KeepsTheKilledPid()
    {
        var r = Assert.Single(DiagnosisEngine.Analyze("[ E 2026-02-18 19:06:42.4013 106/Th age/Cor/Con/CheckoutSession.cpp:535 ]: [Client 5-104309] Maximum request time of 60 seconds reached, killing process 556", 2026).Records);

        Assert.Equal(556, r.Pid);
    }

    /// <summary>PM2's line names the app it stopped.</summary>
    [Fact]
    public void Pm2ExitLine_NamesTheApp()
    {
        var r = Assert.Single(DiagnosisEngine.Analyze("PM2 log: App [front:1] exited with code [0] via signal [SIGKILL]", 2026).Records);

        Assert.Equal("front", r.Subject);
    }

    /// <summary>
    /// PM2's exit clause quoted alone, an issue's title without "App [name] ..." (round 89): read as the whole line is,
    /// a non-zero code a crash and code 0 after a stop signal context; the clause inside prose stays unknown.
    /// </summary>
    [Theory]
    [InlineData("exited with code [1] via signal [SIGINT]", "app_crash")]
    [InlineData("exited with code [0] via signal [SIGKILL]", "app_crash")]
    [InlineData("`exited with code [0] via signal [SIGINT]`", "not_an_upstream_error")]
    public void Pm2ExitClauseAlone_IsReadAsPm2sLine(string line, string cause)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal((RecordKind.Supervisor, cause), (r.Kind, r.Cause));
        Assert.Null(r.Status);
    }

    [Theory]
    [InlineData("exited with code [1] via signal [SIGINT] every night since the upgrade")]
    [InlineData("my app exited with code [1] via signal [SIGINT]")]
    public void Pm2ExitClauseInProse_StaysUnknown(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal(RecordKind.Unknown, r.Kind);
    }

    /// <summary>
    /// Odoo's watchdogs past limit_time_real (round 79): the prefork master killing an HTTP worker and the threaded server
    /// reloading over a request thread, behind Odoo's logger head or quoted alone. The worker's pid and the head's time
    /// are kept, so the kill can be set against nginx's record of the same request.
    /// </summary>
    [Theory]
    [InlineData("2020-05-05 07:54:28,352 1489 INFO ? odoo.service.server: Thread <Thread(odoo.service.http.request.140026579769088, started 140026579769088)> virtual real time limit (169/120s) reached. ", null, true)]
    [InlineData(" WARNING ? odoo.service.server: Thread <Thread(odoo.service.http.request.140101450159872, started 140101450159872)> virtual real time limit (159/120s) reached.", null, false)]
    [InlineData("WorkerHTTP (697998) timeout after 1200s", 697998, false)]
    [InlineData("2024-01-02 10:00:00,123 4242 ERROR ? odoo.service.server: WorkerHTTP (4250) timeout after 120s", 4250, true)]
    public void OdooWatchdogLine_IsAWorkerTimeout(string line, int? pid, bool timed)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal((RecordKind.Supervisor, "app_worker_timeout"), (r.Kind, r.Cause));
        Assert.Null(r.Status);
        Assert.Equal(pid, r.Pid is > 0 ? r.Pid : null);
        Assert.Equal(timed, r.Time is not null);
    }

    [Theory]
    // Odoo's other server lines: the reload notice, a cron worker (it serves no request), a worker recycled past its
    // memory limit after its request, a worker unregistered; and the words in prose without the pid or the limit.
    [InlineData("2020-05-05 07:54:28,352 1489 INFO ? odoo.service.server: Initiating server reload")]
    [InlineData("2024-01-02 10:00:00,123 4242 ERROR ? odoo.service.server: WorkerCron (4251) timeout after 120s")]
    [InlineData("2024-01-02 10:00:00,123 4242 INFO ? odoo.service.server: Worker (4250) virtual memory limit (2684354560) reached.")]
    [InlineData("2019-05-24 16:40:45.894 Worker (19) unregistered")]
    [InlineData("our WorkerHTTP (the big one) timeout after the upgrade")]
    [InlineData("we raised the virtual real time limit (limit_time_real) to 1200s")]
    public void OdooServerLinesOtherThanItsWatchdogs_AreNotWorkerTimeouts(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.NotEqual("app_worker_timeout", r.Cause);
        Assert.NotEqual(RecordKind.Supervisor, r.Kind);
    }

    /// <summary>
    /// Apache's mod_fcgid about a FastCGI backend it lost (round 83: MapServer's mapserv and QGIS Server under Apache). Its
    /// own words tell a crash from a stop: "get signal N, possible coredump generated" and "get unexpected signal N" are
    /// the signals it did not send (app_crash, also while it shut the process down), "get stop signal N" the ones it stops
    /// processes with, and a plain exit is context. The backend's path is kept as the subject.
    /// </summary>
    [Theory]
    [InlineData("[Fri Jun 02 14:46:16.648280 2017] [fcgid:error] [pid 13454:tid 140063126235008] mod_fcgid: process /usr/lib/cgi-bin/mapserv(59414) exit(communication error), get signal 11, possible coredump generated", "app_crash", "/usr/lib/cgi-bin/mapserv")]
    [InlineData(" [error] [pid 14] mod_fcgid: process /usr/local/bin/mapserv_wrapper(114) exit(communication error), get unexpected signal 11", "app_crash", "/usr/local/bin/mapserv_wrapper")]
    [InlineData("[Thu Feb 17 09:56:26.617562 2022] [fcgid:error] [pid 614556] mod_fcgid: process /usr/lib/cgi-bin/qgis_mapserv.fcgi(614564) exit(shutting down), get unexpected signal 11", "app_crash", "/usr/lib/cgi-bin/qgis_mapserv.fcgi")]
    [InlineData("[Tue Oct 01 17:36:19 2024] [error] mod_fcgid: process /var/www/site/data/php-bin/php(8505) exit(communication error), get unexpected signal 7", "app_crash", "/var/www/site/data/php-bin/php")]
    [InlineData("[Mon Mar 04 10:00:00.000001 2024] [fcgid:info] [pid 900:tid 1] mod_fcgid: process /usr/lib/cgi-bin/mapserv(901) exit(idle timeout), get stop signal 15", "not_an_upstream_error", "/usr/lib/cgi-bin/mapserv")]
    [InlineData("[Mon Mar 04 10:00:00.000001 2024] [fcgid:info] [pid 900:tid 1] mod_fcgid: process /usr/lib/cgi-bin/mapserv(902) exit(shutting down), get stop signal 9", "not_an_upstream_error", "/usr/lib/cgi-bin/mapserv")]
    [InlineData("[Mon Mar 04 10:00:00.000001 2024] [fcgid:info] [pid 900:tid 1] mod_fcgid: process /usr/lib/cgi-bin/mapserv(903) exit(lifetime expired), terminated by calling exit(), return code: 0", "not_an_upstream_error", "/usr/lib/cgi-bin/mapserv")]
    public void FcgidProcessExit_IsACrashOnlyForASignalModFcgidDidNotSend(string line, string cause, string backend)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal((RecordKind.Supervisor, cause), (r.Kind, r.Cause));
        Assert.Null(r.Status);
        Assert.Equal(backend, r.Subject);
    }

    /// <summary>
    /// Apache httpd about a child it lost (AH00051 with a core dump, AH00052 without; 2.2 wrote no AH number): it says so
    /// only for a signal it did not send itself, so the child (mod_php, or the app it ran behind nginx) crashed.
    /// </summary>
    [Theory]
    [InlineData("[Wed Aug 17 10:19:19.614631 2022] [core:notice] [pid 536253:tid 281473673056272] AH00051: child pid 538294 exit signal Segmentation fault (11), possible coredump in /home/ivs_omu_portal/logs", 538294)]
    [InlineData("[Wed Mar 30 11:04:35.341295 2022] [core:notice] [pid 380:tid 139845588080576] AH00052: child pid 20333 exit signal Bus error (7)", 20333)]
    [InlineData("[Tue Jun 14 09:12:01 2011] [notice] child pid 4242 exit signal Aborted (6)", 4242)]
    public void ApacheChildExitOnASignal_IsACrash(string line, int child)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal((RecordKind.Supervisor, "app_crash", (int?)null, (int?)child), (r.Kind, r.Cause, r.Status, r.Pid));
    }

    [Theory]
    // Apache's other lines about its children, and the words without Apache's "child pid N" before them.
    [InlineData("[Wed Aug 17 10:19:19.614631 2022] [mpm_prefork:notice] [pid 536253] AH00169: caught SIGTERM, shutting down")]
    [InlineData("[Wed Aug 17 10:19:19.614631 2022] [core:warn] [pid 536253] AH00045: child process 538294 still did not exit, sending a SIGTERM")]
    [InlineData("the worker would exit signal handlers first (11)")]
    [InlineData("child pid exit signal Segmentation fault (11)")]
    public void ApacheLinesOtherThanAChildLostToASignal_AreNotCrashes(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.NotEqual("app_crash", r.Cause);
    }

    [Theory]
    // mod_fcgid's other lines, and its words in prose without the process's pid and exit reason.
    [InlineData("[Fri Jun 02 14:46:10.827324 2017] [fcgid:warn] [pid 13455:tid 140062717052672] [client 10.102.27.218:52784] mod_fcgid: error reading data, FastCGI server closed connection")]
    [InlineData("[Wed Oct 18 11:01:18.169403 2023] [fcgid:warn] [pid 5654:tid 139865758574144] [client XXX] mod_fcgid: read data timeout in 120 seconds, referer: https://...")]
    [InlineData("the mod_fcgid: process list shows mapserv got signal 11 again")]
    public void FcgidLinesOtherThanAProcessExit_AreNotCrashes(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.NotEqual("app_crash", r.Cause);
    }

    [Theory]
    // strace's report of a traced worker's end, with -f's pid and -t's or -tt's time, or alone
    [InlineData("[pid  4242] 13:41:14 +++ killed by SIGSEGV (core dumped) +++", "app_crash", 4242)]
    [InlineData("[pid 4242] 13:41:14.104220 +++ killed by SIGKILL +++", "app_crash", 4242)]
    [InlineData("+++ exited with 255 +++", "app_crash", -1)]
    [InlineData("[pid  4242] +++ killed by SIGTERM +++", "not_an_upstream_error", 4242)]
    [InlineData("13:41:14 +++ exited with 0 +++", "not_an_upstream_error", -1)]
    public void StraceExitReport_IsACrashForAFatalSignalOrAFailingStatus(string line, string cause, int pid)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal((RecordKind.Supervisor, cause), (r.Kind, r.Cause));
        Assert.Null(r.Status);
        Assert.Equal(pid, r.Pid ?? -1);
    }

    [Theory]
    // strace's other lines and its words inside prose are not a process's end
    [InlineData("[pid  4242] 13:41:14 --- SIGSEGV {si_signo=SIGSEGV, si_code=SI_KERNEL, si_addr=0} ---")]
    [InlineData("the worker showed +++ killed by SIGSEGV +++ in strace")]
    [InlineData("+++ killed by nobody +++")]
    public void StraceLinesOtherThanAnExitReport_AreNotCrashes(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.NotEqual("app_crash", r.Cause);
    }

    /// <summary>
    /// upstart's lines about a job (Ubuntu 14.04 and older, in dmesg or syslog): a main process that exits non-zero or on
    /// a fatal signal, or a job upstart gave up respawning, is a backend that died; a stop signal, a zero status and nginx's
    /// own job are context (round 119: Matomo's dev box).
    /// </summary>
    [Theory]
    [InlineData("[12519.666697] init: php5-fpm main process (12528) terminated with status 78", "app_crash", "php5-fpm", 12528)]
    [InlineData("[12519.749509] init: php5-fpm respawning too fast, stopped", "app_crash", "php5-fpm", -1)]
    [InlineData("Jun 14 14:24:26 web kernel: [  812.100000] init: uwsgi main process (812) killed by SEGV signal", "app_crash", "uwsgi", 812)]
    [InlineData("Jun 14 14:24:26 web kernel: [  812.100000] init: uwsgi main process (812) killed by TERM signal", "not_an_upstream_error", "uwsgi", 812)]
    [InlineData("init: gunicorn main process (90) terminated with status 0", "not_an_upstream_error", "gunicorn", 90)]
    [InlineData("[  9.100000] init: nginx main process (1201) terminated with status 1", "not_an_upstream_error", "nginx", 1201)]
    public void UpstartJobLine_IsACrashForAFailingOrAbandonedBackend(string line, string cause, string job, int pid)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal((RecordKind.Supervisor, cause), (r.Kind, r.Cause));
        Assert.Null(r.Status);
        Assert.Equal(job, r.Subject);
        Assert.Equal(pid, r.Pid ?? -1);
    }

    [Theory]
    // upstart's other words, and its message named in prose, are no verdict on a process.
    [InlineData("[12519.666706] init: php5-fpm main process ended, respawning")]
    [InlineData("the log said main process (12528) terminated with status 78 after the upgrade")]
    [InlineData("init: php5-fpm main process (12528) terminated with status 78 twice, then it gave up")]
    public void UpstartLinesWithoutAVerdict_AreNotCrashes(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.NotEqual("app_crash", r.Cause);
    }

    /// <summary>
    /// Heroku's PHP buildpack boot script stops the dyno when PHP-FPM or the web server ends: FPM's exit is a backend that
    /// died, nginx's is nginx's own (round 119: forceworkbench).
    /// </summary>
    [Theory]
    [InlineData("2018-09-12T17:07:44.044143+00:00 app[web.1]: Process exited unexpectedly: php-fpm", "app_crash", "php-fpm")]
    [InlineData("Process exited unexpectedly: php-fpm", "app_crash", "php-fpm")]
    [InlineData("2018-09-12T17:07:44.044143+00:00 app[web.1]: Process exited unexpectedly: nginx", "not_an_upstream_error", "nginx")]
    public void BootScriptExit_IsACrashForTheBackend(string line, string cause, string program)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal((RecordKind.Supervisor, cause), (r.Kind, r.Cause));
        Assert.Null(r.Status);
        Assert.Equal(program, r.Subject);
    }

    [Fact]
    public void BootScriptWords_InProse_AreNotACrash()
    {
        var r = Assert.Single(DiagnosisEngine.Analyze("The dyno printed Process exited unexpectedly: php-fpm and then Going down, terminating child processes...", 2026).Records);

        Assert.NotEqual("app_crash", r.Cause);
    }

    /// <summary>
    /// PHP-FPM's master relaying a child's "Unable to open primary script" (fpm_main.c answered 404, or 403 for EACCES):
    /// the script nginx named was not found; FPM's own log line carries no status (round 119: a chrooted pool).
    /// </summary>
    [Theory]
    [InlineData("[05-Sep-2015 19:58:14] WARNING: [pool www] child 34 said into stderr: \"ERROR: Unable to open primary script: /var/www/rutorrent/php/settings.php (No such file or directory)\"")]
    [InlineData("[05-Sep-2015 19:58:14] WARNING: [pool www] child 34 said into stderr: \"ERROR: Unable to open primary script: /srv/app/index.php (Permission denied)\"")]
    public void FpmRelayedUnableToOpenPrimaryScript_IsScriptNotFound(string line)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);

        Assert.Equal((RecordKind.PhpFpm, "fastcgi_script_not_found"), (r.Kind, r.Cause));
        Assert.Null(r.Status);
        Assert.Equal("www", r.Subject);
    }
}
