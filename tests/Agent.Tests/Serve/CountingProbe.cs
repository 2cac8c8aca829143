using Nginx502Bot.Agent.Probes;

namespace Nginx502Bot.Agent.Tests.Serve;

/// <summary>Counts how often any probe run reached the runner (registered next to the real ones).</summary>
public sealed class CountingProbe : IProbe
{
    private int _runs;

    public int Runs => _runs;
    public string Name => "counting";
    public ProbeScope Scope => ProbeScope.Inventory;
    public ProbeStage Stage => ProbeStage.Host;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _runs);
        return Task.FromResult(ProbeOutcome.Skip("test"));
    }
}
