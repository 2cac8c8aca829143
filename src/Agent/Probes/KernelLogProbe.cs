using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Agent.Probes;

/// <summary>OOM kills and segfaults in the window, from the first configured kernel log file that exists (never /dev/kmsg).</summary>
public sealed class KernelLogProbe : IProbe
{
    public string Name => ProbeNames.KernelLog;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Host;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var path = context.Options.KernelLogPaths.FirstOrDefault(context.Files.FileExists);
        if (path is null) { return Task.FromResult(ProbeOutcome.Skip("no kernel log file readable")); }
        if (LogEventReader.Read(context, path, Name, e => e.Cause is Causes.OomKilled or Causes.AppCrash) is not { } r)
        {
            return Task.FromResult(new ProbeOutcome(ProbeStatus.Failed, $"cannot read {path}"));
        }

        context.Evidence.Update(b => b.Events.AddRange(r.Events));
        return Task.FromResult(ProbeOutcome.Found(r.Events.Count, $"OOM kills/segfaults in {path}", r.Truncated));
    }
}
