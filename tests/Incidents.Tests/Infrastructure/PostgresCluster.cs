using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Nginx502Bot.Incidents.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of its own (scripts/postgres.sh on a separate port and data directory), for tests that stop
/// and start the database without disturbing the shared one. Stopped and deleted on dispose.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    /// <summary>
    /// A free port below Linux's ephemeral range (32768–60999 by default). Inside it, the tests' own connection attempts
    /// to the stopped cluster can be given the cluster's port as their source port and connect to themselves (TCP's
    /// simultaneous open), and the restart then fails with "could not start server": a port no connection is ever given
    /// as its source cannot be taken that way.
    /// </summary>
    public int Port { get; } = FreePortBelowEphemeralRange();

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "n502-pg-" + Guid.NewGuid().ToString("N"));

    /// <summary>Short timeouts so an outage is noticed in seconds, not the driver's default 15 s.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=nginx502bot;Timeout=3;Command Timeout=10";

    /// <summary>For the test's own checks: unpooled, so a connection from before a restart is never reused.</summary>
    public string UnpooledConnectionString => ConnectionString + ";Pooling=false";

    public Task InitializeAsync() => RunAsync("start");

    public Task StartAsync() => RunAsync("start");

    public Task StopAsync() => RunAsync("stop");

    public async Task DisposeAsync()
    {
        await RunAsync("stop");
        Directory.Delete(DataDirectory, recursive: true);
    }

    private static int FreePortBelowEphemeralRange()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Random.Shared.Next(20_000, 30_000);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }

        throw new InvalidOperationException("no free port found in 20000-29999 on 127.0.0.1");
    }

    private async Task RunAsync(string command)
    {
        var start = new ProcessStartInfo(RepoPaths.PostgresScript) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(command);
        start.Environment["NGINX502BOT_PG_PORT"] = Port.ToString();
        start.Environment["NGINX502BOT_PG_DATA"] = DataDirectory;
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {command} failed ({process.ExitCode}): {await stderr}");
        }
    }
}
