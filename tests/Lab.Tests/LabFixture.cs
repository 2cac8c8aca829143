using Nginx502Bot.Lab;
using Nginx502Bot.Lab.Run;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab.Tests;

/// <summary>
/// Starts nginx and every backend once for the collection, runs every scenario once (in catalogue order, one at a
/// time) and keeps the results. With <c>UPDATE_GOLDEN=1</c> it rewrites tests/Lab/captured/&lt;scenario&gt;.log.
/// </summary>
public sealed class LabFixture : IAsyncLifetime
{
    private readonly Dictionary<string, LabResult> _results = [];
    private LabEnvironment? _lab;

    public IReadOnlyDictionary<string, LabResult> Results => _results;

    public LabEnvironment Lab => _lab ?? throw new InvalidOperationException("lab not started");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(100));
        _lab = await LabEnvironment.StartAsync(null, timeout.Token);
        foreach (var scenario in _lab.Scenarios)
        {
            _results[scenario.Name] = await _lab.RunAsync(scenario.Name, timeout.Token);
        }

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            CapturedCorpus.Write(_results.Values);
        }
    }

    public Task DisposeAsync()
    {
        _lab?.Dispose();
        return Task.CompletedTask;
    }
}
