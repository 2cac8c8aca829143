using Nginx502Bot.Lab.Backends;

namespace Nginx502Bot.Lab.Scenarios;

public static partial class LabScenarioCatalog
{
    private static IEnumerable<LabScenarioDefinition> AppServers()
    {
        yield return new()
        {
            Name = "php_worker_killed",
            // The killed worker dies with request bytes unread on its socket, so the kernel answers with a reset.
            Breaks = "a PHP script kills its own PHP-FPM worker with SIGKILL mid-request",
            ExpectedCause = "connection_reset",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            ExpectedCompanionCause = "app_crash",
            Build = t => Php(t, "crash.php"),
        };
        yield return new()
        {
            Name = "php_fatal_error",
            Breaks = "a PHP script calls an undefined function (display_errors off, so PHP answers 500)",
            ExpectedCause = "php_fatal",
            ExpectedStatus = 500,
            ExpectedClientStatus = "500",
            Build = t => Php(t, "fatal.php"),
        };
        yield return new()
        {
            Name = "php_script_missing",
            Breaks = "SCRIPT_FILENAME names a file that does not exist",
            ExpectedCause = "fastcgi_script_not_found",
            ExpectedStatus = 404,
            ExpectedClientStatus = "404",
            Build = t => Php(t, "missing.php"),
        };
        yield return new()
        {
            Name = "gunicorn_worker_timeout",
            Breaks = "a WSGI app sleeps 3 s under gunicorn --timeout 1; the arbiter kills the worker",
            ExpectedCause = "premature_close",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            ExpectedCompanionCause = "app_worker_timeout",
            Build = t => Proxy("http", $"127.0.0.1:{t.GunicornPort}", []) with { Companion = LabCompanion.Gunicorn },
        };
    }

    private static LabLocation Php(LabTargets targets, string script) =>
        FastCgi($"unix:{targets.PhpFpmSocket}", targets, script) with { Companion = LabCompanion.PhpFpm };
}
