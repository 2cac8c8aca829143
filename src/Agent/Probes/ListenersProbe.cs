using Nginx502Bot.Agent.Probes.Parsing;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Listening sockets from /proc/net/{tcp,tcp6,unix}, mapped to processes through the <c>socket:[inode]</c> links in
/// /proc/PID/fd (only processes the agent may inspect: same user, or CAP_DAC_READ_SEARCH/CAP_SYS_PTRACE).
/// </summary>
public sealed class ListenersProbe : IProbe
{
    public string Name => ProbeNames.Listeners;
    public ProbeScope Scope => ProbeScope.Diagnosis;

    public Task<ProbeOutcome> RunAsync(ProbeContext context, CancellationToken cancellationToken)
    {
        var files = context.Files;
        var listeners = ProcNetParser.TcpListeners(files.ReadText("/proc/net/tcp") ?? "", SocketFamily.IPv4)
            .Concat(ProcNetParser.TcpListeners(files.ReadText("/proc/net/tcp6") ?? "", SocketFamily.IPv6))
            .Concat(ProcNetParser.UnixListeners(files.ReadText("/proc/net/unix") ?? ""))
            .Take(context.Options.MaxItems + 1).ToList();
        var truncated = listeners.Count > context.Options.MaxItems;
        if (truncated) { listeners.RemoveAt(listeners.Count - 1); }

        var owners = SocketOwners(context, listeners.Select(l => l.Inode).ToHashSet(), cancellationToken);
        var mapped = listeners.Select(l => owners.TryGetValue(l.Inode, out var p) ? l with { Pid = p.Pid, Process = p.Name } : l).ToArray();
        context.Evidence.Update(b => b.Listeners.AddRange(mapped));
        return Task.FromResult(ProbeOutcome.Found(mapped.Length, $"listeners ({owners.Count} mapped to processes)", truncated));
    }

    private static Dictionary<long, ProcessInfo> SocketOwners(ProbeContext context, HashSet<long> inodes, CancellationToken ct)
    {
        var processes = context.Evidence.Read(b => b.Processes.ToList());
        var owners = new Dictionary<long, ProcessInfo>();
        foreach (var process in processes)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var fd in context.Files.EntryNames($"/proc/{process.Pid}/fd").Take(context.Options.MaxItems))
            {
                var link = context.Files.ReadLink($"/proc/{process.Pid}/fd/{fd}");
                if (link is null || !link.StartsWith("socket:[", StringComparison.Ordinal)) { continue; }
                if (long.TryParse(link.AsSpan(8, link.Length - 9), out var inode) && inodes.Contains(inode)) { owners.TryAdd(inode, process); }
            }
        }

        return owners;
    }
}
