namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Which process owns which socket inode, remembered for <see cref="Lifetime"/> between diagnoses: mapping means
/// reading every <c>/proc/PID/fd</c> link of every visible process, the dearest part of the listeners probe. A cached
/// map is used only while it is fresh and every owner it names is still in the run's process table (same name);
/// listeners it has not seen yet are looked up then (a scan that stops once they are all found), so a new backend is
/// never reported without its owner or with a stale one.
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
        Entry? last;
        lock (_gate) { last = _last; }
        var usable = last is not null && time.GetElapsedTime(last.Stamp) < Lifetime
            && last.Owners.Values.All(p => byPid.TryGetValue(p, out var now) && now.Name == last.Names[p]);
        if (!usable)
        {
            var stamp = time.GetTimestamp();
            var scanned = Scan(context, inodes, processes, ct);
            Remember(new Entry(stamp, [.. inodes], scanned.ToDictionary(kv => kv.Key, kv => kv.Value.Pid), Names(scanned.Values)));
            return scanned;
        }

        // Listeners that appeared since the map was built (other services start all the time) are looked up alone;
        // known ones keep their owner. The map keeps its age, so everything is rescanned within Lifetime anyway.
        var fresh = inodes.Where(i => !last!.Known.Contains(i)).ToHashSet();
        var found = fresh.Count == 0 ? [] : Scan(context, fresh, processes, ct);
        var owners = inodes.Where(last!.Owners.ContainsKey).ToDictionary(i => i, i => byPid[last.Owners[i]]);
        foreach (var (inode, process) in found) { owners[inode] = process; }
        if (fresh.Count > 0)
        {
            Remember(last with
            {
                Known = [.. last.Known, .. fresh],
                Owners = new Dictionary<long, int>(last.Owners.Concat(found.Select(kv => KeyValuePair.Create(kv.Key, kv.Value.Pid)))),
                Names = new Dictionary<int, string>(last.Names.Concat(Names(found.Values)).DistinctBy(kv => kv.Key)),
            });
        }

        return owners;
    }

    private void Remember(Entry entry)
    {
        lock (_gate) { _last = entry; }
    }

    private static Dictionary<int, string> Names(IEnumerable<ProcessInfo> processes) =>
        processes.DistinctBy(p => p.Pid).ToDictionary(p => p.Pid, p => p.Name);

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
