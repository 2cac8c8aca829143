namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Which process owns which socket inode, remembered for <see cref="Lifetime"/> between diagnoses: mapping means
/// reading every <c>/proc/PID/fd</c> link of every visible process, the dearest part of the listeners probe. A cached
/// map is used only while it is fresh, knew every inode asked about when it was built (a new listener forces a
/// rescan) and every owner it names is still in the run's process table.
/// </summary>
public sealed class SocketOwnerCache(TimeProvider time)
{
    /// <summary>Short: a restarted backend gets new sockets (new inodes), which already forces a rescan.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private Entry? _last;

    /// <summary>Owners of <paramref name="inodes"/> among <paramref name="processes"/>, from the cache when it still holds.</summary>
    public Dictionary<long, ProcessInfo> Owners(ProbeContext context, HashSet<long> inodes, IReadOnlyList<ProcessInfo> processes, CancellationToken ct)
    {
        var byPid = processes.GroupBy(p => p.Pid).ToDictionary(g => g.Key, g => g.First());
        lock (_gate)
        {
            if (_last is { } e && time.GetElapsedTime(e.Stamp) < Lifetime && e.Known.IsSupersetOf(inodes)
                && e.Owners.Values.All(p => byPid.TryGetValue(p, out var now) && now.Name == e.Names[p]))
            {
                return inodes.Where(e.Owners.ContainsKey).ToDictionary(i => i, i => byPid[e.Owners[i]]);
            }
        }

        var stamp = time.GetTimestamp();
        var owners = Scan(context, inodes, processes, ct);
        lock (_gate)
        {
            _last = new Entry(stamp, [.. inodes], owners.ToDictionary(kv => kv.Key, kv => kv.Value.Pid),
                owners.Values.DistinctBy(p => p.Pid).ToDictionary(p => p.Pid, p => p.Name));
        }

        return owners;
    }

    /// <summary>Follows the <c>socket:[inode]</c> links in /proc/PID/fd; stops as soon as every inode has its owner.</summary>
    private static Dictionary<long, ProcessInfo> Scan(ProbeContext context, HashSet<long> inodes, IReadOnlyList<ProcessInfo> processes, CancellationToken ct)
    {
        var owners = new Dictionary<long, ProcessInfo>();
        foreach (var process in processes)
        {
            if (owners.Count == inodes.Count) { break; }
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

    private sealed record Entry(long Stamp, HashSet<long> Known, Dictionary<long, int> Owners, Dictionary<int, string> Names);
}
