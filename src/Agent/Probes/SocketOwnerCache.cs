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
        // Plain loops over the long/int keyed maps: LINQ over them would add value-type instantiations to the AOT binary.
        var byPid = new Dictionary<int, ProcessInfo>();
        foreach (var p in processes) { byPid.TryAdd(p.Pid, p); }
        Entry? last;
        lock (_gate) { last = _last; }
        if (last is null || time.GetElapsedTime(last.Stamp) >= Lifetime || !StillRunning(last, byPid))
        {
            var stamp = time.GetTimestamp();
            var scanned = Scan(context, inodes, processes, ct);
            var pids = new Dictionary<long, int>();
            foreach (var (inode, process) in scanned) { pids[inode] = process.Pid; }
            Remember(new Entry(stamp, [.. inodes], pids, Names(new Dictionary<int, string>(), scanned.Values)));
            return scanned;
        }

        // Listeners that appeared since the map was built (other services start all the time) are looked up alone;
        // known ones keep their owner. The map keeps its age, so everything is rescanned within Lifetime anyway.
        var fresh = new HashSet<long>();
        foreach (var i in inodes)
        {
            if (!last.Known.Contains(i)) { fresh.Add(i); }
        }

        var found = fresh.Count == 0 ? [] : Scan(context, fresh, processes, ct);
        var owners = new Dictionary<long, ProcessInfo>();
        foreach (var i in inodes)
        {
            if (last.Owners.TryGetValue(i, out var pid)) { owners[i] = byPid[pid]; }
        }

        foreach (var (inode, process) in found) { owners[inode] = process; }
        if (fresh.Count > 0)
        {
            var known = new HashSet<long>(last.Known);
            known.UnionWith(fresh);
            var pids = new Dictionary<long, int>(last.Owners);
            foreach (var (inode, process) in found) { pids[inode] = process.Pid; }
            Remember(last with { Known = known, Owners = pids, Names = Names(new Dictionary<int, string>(last.Names), found.Values) });
        }

        return owners;
    }

    /// <summary>Every owner the map names still runs under the same name.</summary>
    private static bool StillRunning(Entry entry, Dictionary<int, ProcessInfo> byPid)
    {
        foreach (var pid in entry.Owners.Values)
        {
            if (!byPid.TryGetValue(pid, out var now) || now.Name != entry.Names[pid]) { return false; }
        }

        return true;
    }

    private void Remember(Entry entry)
    {
        lock (_gate) { _last = entry; }
    }

    /// <summary>Adds the names of <paramref name="processes"/> not in <paramref name="names"/> yet (the first name of a pid wins).</summary>
    private static Dictionary<int, string> Names(Dictionary<int, string> names, IEnumerable<ProcessInfo> processes)
    {
        foreach (var p in processes) { names.TryAdd(p.Pid, p.Name); }
        return names;
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
