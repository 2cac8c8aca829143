using System.Diagnostics;

namespace Nginx502Bot.Incidents.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of its own (scripts/postgres.sh on a separate port and data directory), for tests that stop
/// and start the database without disturbing the shared one. Stopped and deleted on dispose.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    public int Port { get; } = 56000 + Random.Shared.Next(0, 900);

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
