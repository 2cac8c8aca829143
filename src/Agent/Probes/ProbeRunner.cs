using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Runs probes stage by stage (<see cref="ProbeStage"/>): the probes of one stage concurrently, each under its own
/// timeout, logging each outcome. An exception or timeout becomes a <see cref="ProbeRecord"/>; the run always goes on.
/// Records come back in registration order whatever order the probes finished in.
/// </summary>
public sealed partial class ProbeRunner(IEnumerable<IProbe> probes, ILogger<ProbeRunner> logger)
{
    private readonly IProbe[] _probes = probes.ToArray();

    public IReadOnlyList<IProbe> Probes => _probes;

    /// <summary>Runs the probes of the scope (inventory probes run in every scope); <paramref name="progress"/> hears each record as it finishes.</summary>
    public async Task<IReadOnlyList<ProbeRecord>> RunAsync(ProbeContext context, ProbeScope scope,
        Func<ProbeRecord, int, int, CancellationToken, Task>? progress, CancellationToken cancellationToken)
    {
        var selected = _probes.Where(p => scope == ProbeScope.Diagnosis || p.Scope == ProbeScope.Inventory).ToArray();
        var records = new ProbeRecord[selected.Length];
        var done = 0;
        using var progressGate = new SemaphoreSlim(1, 1);
        foreach (var stage in Stages(selected))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var running = new List<Task>();
            for (var i = 0; i < selected.Length; i++)
            {
                if (selected[i].Stage == stage) { running.Add(RunAndReportAsync(i)); }
            }

            await Task.WhenAll(running);
        }

        async Task RunAndReportAsync(int i)
        {
            records[i] = await RunOneAsync(selected[i], context, cancellationToken);
            if (progress is null) { return; }

            // Progress messages go out one at a time, counted in the order probes finished.
            await progressGate.WaitAsync(cancellationToken);
            try { await progress(records[i], ++done, selected.Length, cancellationToken); }
            finally { progressGate.Release(); }
        }

        return records;
    }

    /// <summary>The stages the probes belong to, in order (a loop: LINQ over the enum would add AOT instantiations).</summary>
    private static List<ProbeStage> Stages(IProbe[] probes)
    {
        var stages = new List<ProbeStage>();
        foreach (var p in probes)
        {
            if (!stages.Contains(p.Stage)) { stages.Add(p.Stage); }
        }

        stages.Sort();
        return stages;
    }

    private async Task<ProbeRecord> RunOneAsync(IProbe probe, ProbeContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(context.Options.ProbeTimeoutMs);
        ProbeOutcome outcome;
        try
        {
            // Task.Run so a probe blocked in synchronous I/O cannot hold the run past its budget.
            outcome = await Task.Run(() => probe.RunAsync(context, timeout.Token), timeout.Token).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = new ProbeOutcome(ProbeStatus.TimedOut, $"no result within {context.Options.ProbeTimeoutMs} ms");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            outcome = new ProbeOutcome(ProbeStatus.Failed, $"{e.GetType().Name}: {e.Message}");
        }

        var record = new ProbeRecord(probe.Name, outcome.Status, clock.ElapsedMilliseconds, outcome.Message, outcome.Truncated);
        LogProbe(logger, record.Name, record.Status, record.DurationMs, record.Message ?? "", context.Query.CorrelationId ?? "-");
        return record;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Debug, Message = "probe {Probe} {Status} in {DurationMs} ms: {Detail} (correlation {CorrelationId})")]
    private static partial void LogProbe(ILogger logger, string probe, ProbeStatus status, long durationMs, string detail, string correlationId);
}
