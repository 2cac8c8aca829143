using Nginx502Bot.Agent.Probes.Parsing;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Listening sockets from /proc/net/{tcp,tcp6,unix} (the run's shared snapshot), mapped to processes through the
/// <c>socket:[inode]</c> links in /proc/PID/fd (only processes the agent may inspect: same user, or
/// CAP_DAC_READ_SEARCH/CAP_SYS_PTRACE); the mapping is cached briefly by <see cref="SocketOwnerCache"/>.
/// </summary>
public sealed class ListenersProbe(SocketOwnerCache owners) : IProbe
{
    public string Name => ProbeNames.Listeners;
    public ProbeScope Scope => ProbeScope.Diagnosis;
    public ProbeStage Stage => ProbeStage.Host;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var listeners = context.Net.Listeners().Take(context.Options.MaxItems + 1).ToList();
        var truncated = listeners.Count > context.Options.MaxItems;
        if (truncated) { listeners.RemoveAt(listeners.Count - 1); }

        var processes = context.Evidence.Read(b => b.Processes.ToList());
        var inodes = new HashSet<long>();
        foreach (var l in listeners) { inodes.Add(l.Inode); }
        var mappedOwners = owners.Owners(context, inodes, processes, cancellationToken);
        var mapped = listeners.Select(l => mappedOwners.TryGetValue(l.Inode, out var p) ? l with { Pid = p.Pid, Process = p.Name } : l).ToArray();
        context.Evidence.Update(b => b.Listeners.AddRange(mapped));
        return Task.FromResult(ProbeOutcome.Found(mapped.Length, $"listeners ({mappedOwners.Count} mapped to processes)", truncated));
    }
}
