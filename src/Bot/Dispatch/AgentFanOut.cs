using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Dispatch;

/// <summary>
/// Calls several agents at once, each under its own deadline, and reports progress at most once per
/// <see cref="DispatchOptions.ProgressInterval"/> (chat edits are rate-limited) plus once when all hosts have finished.
/// A slow or failing host never fails the whole request: it is reported as timed out or failed.
/// </summary>
public sealed class AgentFanOut(IAgentDiagnoser diagnoser, IOptions<DispatchOptions> options, TimeProvider time)
{
    public async Task<DispatchProgress> RunAsync(
        IReadOnlyList<AgentInfo> agents,
        AgentRequest request,
        Func<DispatchProgress, CancellationToken, Task> onProgress,
        CancellationToken cancellationToken)
    {
        var outcomes = agents.Select(a => new HostOutcome(a.Host, HostOutcomeKind.Pending, null, null, TimeSpan.Zero)).ToArray();
        var calls = agents.Select((agent, i) => CallOneAsync(agent, request, outcomes, i, cancellationToken)).ToArray();
        var all = Task.WhenAll(calls);
        var reported = 0;
        while (!all.IsCompleted)
        {
            await Task.WhenAny(all, Task.Delay(options.Value.ProgressInterval, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            var finished = outcomes.Count(o => o.Kind != HostOutcomeKind.Pending);
            if (!all.IsCompleted && finished > reported)
            {
                reported = finished;
                await onProgress(new DispatchProgress([.. outcomes], Complete: false), cancellationToken);
            }
        }

        var final = new DispatchProgress([.. outcomes], Complete: true);
        await onProgress(final, cancellationToken);
        return final;
    }

    private async Task CallOneAsync(AgentInfo agent, AgentRequest request, HostOutcome[] outcomes, int index, CancellationToken cancellationToken)
    {
        // Yield first so a synchronous implementation cannot serialise the fan-out.
        await Task.Yield();
        var started = Stopwatch.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.PerAgentTimeout);
        HostOutcome outcome;
        try
        {
            var diagnosis = await diagnoser.DiagnoseAsync(agent, request, deadline.Token).WaitAsync(deadline.Token);
            outcome = new(agent.Host, HostOutcomeKind.Answered, diagnosis, null, Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            outcome = new(agent.Host, HostOutcomeKind.TimedOut, null,
                $"no answer within {options.Value.PerAgentTimeout.TotalSeconds:0.#} s", Stopwatch.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            outcome = new(agent.Host, HostOutcomeKind.Failed, null, ex.Message, Stopwatch.GetElapsedTime(started));
        }

        Volatile.Write(ref outcomes[index], outcome);
    }
}
