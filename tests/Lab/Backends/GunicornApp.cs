using Nginx502Bot.Lab.Processes;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab.Backends;

/// <summary>Debian's gunicorn 20.1 with one sync worker, <c>--timeout 1</c> and a WSGI app that sleeps 3 s.</summary>
public static class GunicornApp
{
    public const string Binary = "/usr/bin/gunicorn";

    public static async Task<ChildProcess> StartAsync(LabTargets targets, CancellationToken cancellationToken)
    {
        var process = ChildProcess.Start(Binary,
        [
            "--chdir", LabScripts.Directory,
            "--workers", "1",
            "--timeout", "1",
            "--bind", $"127.0.0.1:{targets.GunicornPort}",
            "--error-logfile", Path.Combine(targets.LogDirectory, "gunicorn.log"),
            "--log-level", "info",
            "slow_app:app",
        ]);
        var ready = await Wait.UntilAsync(() => process.HasExited || Wait.Listening(targets.GunicornPort),
            TimeSpan.FromSeconds(15), cancellationToken);
        if (!ready || process.HasExited)
        {
            throw process.StartFailure("gunicorn");
        }

        return process;
    }
}
