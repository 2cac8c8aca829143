using System.Diagnostics;
using System.Net.Sockets;

namespace Nginx502Bot.Agent.Tests.Support;

/// <summary>
/// A real PHP-FPM master (Debian's php-fpm8.2) listening on a loopback port or a unix socket in a temp directory,
/// killed by its own pid on dispose.
/// </summary>
public sealed class PhpFpmProcess : IDisposable
{
    public const string Binary = "/usr/sbin/php-fpm8.2";
    private readonly Process _process;

    private PhpFpmProcess(Process process, string dir, string listen) => (_process, Directory, Listen) = (process, dir, listen);

    public string Directory { get; }

    /// <summary>The pool's listen value: a port number or a socket path.</summary>
    public string Listen { get; }

    public static async Task<PhpFpmProcess> StartAsync(bool unixSocket)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("fpm-").FullName;
        var listen = unixSocket ? Path.Combine(dir, "fpm.sock") : FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(dir, "fpm.conf"), $"""
            [global]
            error_log = {dir}/fpm.log
            pid = {dir}/fpm.pid
            daemonize = no
            [test]
            listen = {(unixSocket ? listen : "127.0.0.1:" + listen)}
            listen.mode = 0666
            pm = static
            pm.max_children = 1
            """);
        var psi = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-n", "-F", "-R", "-y", Path.Combine(dir, "fpm.conf"), "-p", dir }) { psi.ArgumentList.Add(a); }
        var process = Process.Start(psi)!;
        var fpm = new PhpFpmProcess(process, dir, listen);
        await fpm.WaitReadyAsync(unixSocket);
        return fpm;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        return ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
    }

    private async Task WaitReadyAsync(bool unix)
    {
        for (var i = 0; i < 100; i++)
        {
            if (_process.HasExited) { throw new InvalidOperationException("php-fpm exited: " + await _process.StandardError.ReadToEndAsync()); }
            try
            {
                using var s = unix ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) : new Socket(SocketType.Stream, ProtocolType.Tcp);
                await s.ConnectAsync(unix ? new UnixDomainSocketEndPoint(Listen) : new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, int.Parse(Listen, System.Globalization.CultureInfo.InvariantCulture)));
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new TimeoutException("php-fpm did not start listening within 5 s");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true); // the pool's workers too: killed with SIGKILL, the master cannot stop them
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
