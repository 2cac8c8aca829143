using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Agent.Probes;

/// <summary>PHP-FPM logs found by the pool probe: <c>reached pm.max_children</c>, <c>exited on signal</c>, <c>execution timed out</c>, PHP fatals.</summary>
public sealed class PhpFpmLogProbe : IProbe
{
    public string Name => ProbeNames.PhpFpmLog;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Targets;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var logs = context.Evidence.Read(b => b.PhpFpmLogs.ToArray());
        if (logs.Length == 0) { return Task.FromResult(ProbeOutcome.Skip("no PHP-FPM log found")); }

        var count = 0;
        var truncated = false;
        foreach (var log in logs)
        {
            if (LogEventReader.Read(context, log, Name, e => e.Cause is Causes.FpmPoolExhausted or Causes.AppCrash
                or Causes.AppWorkerTimeout or Causes.PhpFatal) is not { } r) { continue; }
            count += r.Events.Count;
            truncated |= r.Truncated;
            context.Evidence.Update(b => b.Events.AddRange(r.Events));
        }

        return Task.FromResult(ProbeOutcome.Found(count, "PHP-FPM events in the window", truncated));
    }
}
