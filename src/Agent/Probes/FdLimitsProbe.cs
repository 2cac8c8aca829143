using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>Open descriptors against the soft <c>Max open files</c> limit for nginx masters and workers (/proc/PID/limits, /proc/PID/fd).</summary>
public sealed class FdLimitsProbe : IProbe
{
    public string Name => ProbeNames.FdLimits;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Host;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        ProcessInfo[] nginx = context.Evidence.Read(b => b.Processes.Where(p => p.Name == "nginx").Take(context.Options.MaxItems).ToArray());
        var limits = nginx.Select(p => new ProcessLimits(p.Pid, p.Name, SoftLimit(context.Files.ReadText($"/proc/{p.Pid}/limits", 16 * 1024)),
            context.Files.EntryNames($"/proc/{p.Pid}/fd").Count)).ToArray();
        context.Evidence.Update(b => b.Limits.AddRange(limits));
        var near = limits.Count(l => l.MaxOpenFiles is { } max && l.OpenFiles * 10 >= max * 9);
        return Task.FromResult(nginx.Length == 0
            ? ProbeOutcome.Skip("no nginx process visible")
            : new ProbeOutcome(ProbeStatus.Ok, $"{limits.Length} nginx processes, {near} at 90% of their fd limit"));
    }

    /// <summary>The soft limit of the <c>Max open files</c> row; null when unlimited or absent.</summary>
    public static long? SoftLimit(string? limits)
    {
        var row = limits?.Split('\n').FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var fields = row?["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields is { Length: > 0 } && long.TryParse(fields[0], out var soft) ? soft : null;
    }
}
