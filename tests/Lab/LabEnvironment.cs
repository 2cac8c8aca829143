using Nginx502Bot.Lab.Backends;
using Nginx502Bot.Lab.Nginx;
using Nginx502Bot.Lab.Processes;
using Nginx502Bot.Lab.Run;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab;

/// <summary>
/// The whole lab: a temp prefix, the python backends, PHP-FPM, gunicorn and nginx, laid out for the given scenarios.
/// Start once, run scenarios one at a time, dispose to stop every process by PID and delete the prefix.
/// </summary>
public sealed class LabEnvironment : IDisposable
{
    private readonly List<ChildProcess> _backends = [];
    private LabNginx? _nginx;
    private LabRun? _run;

    private LabEnvironment(LabTargets targets) => Targets = targets;

    public LabTargets Targets { get; }

    public IReadOnlyList<LabScenario> Scenarios { get; private set; } = [];

    public LabNginx Nginx => _nginx ?? throw new InvalidOperationException("the lab is not started");

    public LabScenario this[string name] => Scenarios.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"scenario {name} is not in this lab", nameof(name));

    /// <summary>Starts the lab for <paramref name="definitions"/> (all scenarios when null).</summary>
    /// <remarks>
    /// Ports are found free and bound a moment later by another process, so something else on the machine can take
    /// one in between. That one failure (address in use) gets a second start on fresh ports; any other is thrown.
    /// </remarks>
    public static async Task<LabEnvironment> StartAsync(IReadOnlyList<LabScenarioDefinition>? definitions,
        CancellationToken cancellationToken)
    {
        try
        {
            return await StartOnceAsync(definitions, cancellationToken);
        }
        catch (InvalidOperationException e) when (AddressTaken(e.Message))
        {
            await Console.Error.WriteLineAsync("lab: a port was taken between probe and bind; starting again: " + e.Message);
            return await StartOnceAsync(definitions, cancellationToken);
        }
    }

    private static async Task<LabEnvironment> StartOnceAsync(IReadOnlyList<LabScenarioDefinition>? definitions,
        CancellationToken cancellationToken)
    {
        var lab = new LabEnvironment(new LabTargets(CreatePrefix()));
        try
        {
            await lab.StartProcessesAsync(definitions ?? LabScenarioCatalog.All, cancellationToken);
            return lab;
        }
        catch
        {
            lab.Dispose();
            throw;
        }
    }

    /// <summary>python's EADDRINUSE, nginx's bind() error and gunicorn's "Connection in use".</summary>
    private static bool AddressTaken(string message) =>
        message.Contains("Address already in use", StringComparison.Ordinal)
        || message.Contains("Connection in use", StringComparison.Ordinal);

    public Task<LabResult> RunAsync(string name, CancellationToken cancellationToken) =>
        (_run ?? throw new InvalidOperationException("the lab is not started")).RunAsync(this[name], cancellationToken);

    public void Dispose()
    {
        _run?.Dispose();
        _nginx?.Dispose();
        foreach (var backend in _backends)
        {
            backend.Dispose();
        }

        try
        {
            Directory.Delete(Targets.Directory, recursive: true);
        }
        catch (IOException)
        {
            // A straggling writer; the OS cleans /tmp.
        }
    }

    private async Task StartProcessesAsync(IReadOnlyList<LabScenarioDefinition> definitions, CancellationToken cancellationToken)
    {
        PrepareTree();
        await LabCertificate.CreateAsync(Targets, cancellationToken);
        var locations = definitions.Select(d => (d, d.Build(Targets))).ToList();
        var port = FreePorts.Next();
        Scenarios = new NginxConfigBuilder().Build(Targets, port, locations);

        var python = PythonBackends.StartAsync(Targets.Directory, [.. locations.SelectMany(l => l.Item2.Backends)],
            cancellationToken);
        var fpm = Uses(locations, LabCompanion.PhpFpm) ? PhpFpmPool.StartAsync(Targets, cancellationToken) : null;
        var gunicorn = Uses(locations, LabCompanion.Gunicorn) ? GunicornApp.StartAsync(Targets, cancellationToken) : null;
        // Wait for all, then keep every process that did start, even when another failed: Dispose must stop them all.
        var starts = new[] { python, fpm, gunicorn }.OfType<Task<ChildProcess>>().ToList();
        try
        {
            await Task.WhenAll(starts);
        }
        finally
        {
            _backends.AddRange(starts.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
        }

        _nginx = await LabNginx.StartAsync(Targets.Directory, port, cancellationToken);
        _run = new LabRun(_nginx);
    }

    private static bool Uses(IEnumerable<(LabScenarioDefinition, LabLocation Location)> locations, LabCompanion companion) =>
        locations.Any(l => l.Location.Companion == companion);

    /// <summary>The prefix must be traversable by the www-data workers (nginx and PHP-FPM) to reach sockets and scripts.</summary>
    private static string CreatePrefix()
    {
        var prefix = Directory.CreateTempSubdirectory("nginx502bot-lab-").FullName;
        File.SetUnixFileMode(prefix, (UnixFileMode)0b111_101_101);
        return prefix;
    }

    private void PrepareTree()
    {
        foreach (var directory in new[] { Targets.RunDirectory, Targets.WebRoot, Targets.LogDirectory })
        {
            Directory.CreateDirectory(directory);
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }

        foreach (var script in new[] { "crash.php", "fatal.php" })
        {
            var target = Path.Combine(Targets.WebRoot, script);
            File.Copy(LabScripts.File(script), target, overwrite: true);
            File.SetUnixFileMode(target, (UnixFileMode)0b110_100_100);
        }
    }
}
