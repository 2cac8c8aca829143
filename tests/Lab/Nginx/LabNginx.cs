using Nginx502Bot.Lab.Processes;

namespace Nginx502Bot.Lab.Nginx;

/// <summary>
/// Debian's /usr/sbin/nginx with its own prefix: <c>nginx -p DIR -c DIR/nginx.conf -g 'daemon off;'</c>, master plus one
/// worker, listening on a free loopback port. Stopped by its PID (SIGTERM, bounded wait, then SIGKILL).
/// </summary>
public sealed class LabNginx : IDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    private readonly ChildProcess _process;

    private LabNginx(ChildProcess process, int port, string errorLog, string accessLog)
    {
        _process = process;
        Port = port;
        ErrorLog = errorLog;
        AccessLog = accessLog;
    }

    public int Port { get; }
    public string ErrorLog { get; }
    public string AccessLog { get; }
    public int Pid => _process.Pid;

    /// <summary>Tests the configuration with <c>nginx -t</c>, starts nginx and waits until it accepts connections.</summary>
    public static async Task<LabNginx> StartAsync(string prefix, int port, CancellationToken cancellationToken)
    {
        var config = Path.Combine(prefix, "nginx.conf");
        Directory.CreateDirectory(Path.Combine(prefix, "temp"));
        using (var check = ChildProcess.Start(Binary, ["-t", "-q", "-p", prefix, "-c", config]))
        {
            var checkedOk = await Wait.UntilAsync(() => check.HasExited, TimeSpan.FromSeconds(10), cancellationToken);
            Wait.Ensure(checkedOk, "nginx -t", check);
            var result = check.Describe(); // waits for the output readers to drain
            if (result.Contains("[emerg]", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("nginx -t failed: " + result);
            }
        }

        var process = ChildProcess.Start(Binary, ["-p", prefix, "-c", config, "-g", "daemon off;"]);
        var nginx = new LabNginx(process, port, Path.Combine(prefix, "logs", "error.log"),
            Path.Combine(prefix, "logs", "access.log"));
        var ready = await Wait.UntilAsync(() => process.HasExited || Wait.Listening(port), TimeSpan.FromSeconds(10),
            cancellationToken);
        if (!ready || process.HasExited)
        {
            throw process.StartFailure("nginx");
        }

        return nginx;
    }

    public void Dispose() => _process.Dispose();
}
