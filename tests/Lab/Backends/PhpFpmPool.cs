using Nginx502Bot.Lab.Processes;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab.Backends;

/// <summary>
/// A real PHP-FPM 8.2 master with one pool of its own on a unix socket, run in the foreground
/// (<c>php-fpm8.2 -n -y CONF -F</c>), logging notices and worker output to <c>logs/php-fpm.log</c>.
/// </summary>
public static class PhpFpmPool
{
    public const string Binary = "/usr/sbin/php-fpm8.2";

    public static async Task<ChildProcess> StartAsync(LabTargets targets, CancellationToken cancellationToken)
    {
        var config = Path.Combine(targets.Directory, "php-fpm.conf");
        await File.WriteAllLinesAsync(config, Config(targets), cancellationToken);
        // -n: no php.ini, so the host's configuration cannot change the lab; posix is loaded for posix_kill().
        var process = ChildProcess.Start(Binary, ["-n", "-d", "extension=posix", "-y", config, "-F"]);
        var ready = await Wait.UntilAsync(() => process.HasExited || File.Exists(targets.PhpFpmSocket),
            TimeSpan.FromSeconds(10), cancellationToken);
        if (!ready || process.HasExited)
        {
            throw process.StartFailure("php-fpm");
        }

        return process;
    }

    private static string[] Config(LabTargets targets)
    {
        var user = Nginx.NginxConfigBuilder.WorkerUser;
        return
        [
            "[global]",
            $"pid = {Path.Combine(targets.Directory, "php-fpm.pid")}",
            $"error_log = {Path.Combine(targets.LogDirectory, "php-fpm.log")}",
            "log_level = notice",
            "daemonize = no",
            "[lab]",
            $"user = {user}",
            $"group = {user}",
            $"listen = {targets.PhpFpmSocket}",
            $"listen.owner = {user}",
            $"listen.group = {user}",
            "listen.mode = 0660",
            "pm = static",
            "pm.max_children = 2",
            "catch_workers_output = yes",
            "php_admin_value[display_errors] = off",
            "php_admin_value[log_errors] = on",
        ];
    }
}
