using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Configuration;

namespace Nginx502Bot.Incidents.Outbox;

/// <summary>
/// A bounded, durable, append-only JSON-lines file (<c>outbox.jsonl</c> in <see cref="IncidentsOptions.OutboxDirectory"/>).
/// Every append is flushed to disk (fsync) before it returns, so an acknowledged write survives a crash. A torn last
/// line (crash mid-write) is ignored on read. One process owns a directory: a lock file held open without sharing
/// keeps a second instance out. Thread-safe.
/// </summary>
public sealed class FileOutbox : IDisposable
{
    private readonly Lock gate = new();
    private readonly string path;
    private readonly int maxEntries;
    private readonly long maxBytes;
    private readonly FileStream lockFile;
    private readonly ILogger<FileOutbox> logger;
    private List<OutboxEntry> entries;
    private long nextSequence;
    private long bytes;

    public FileOutbox(IOptions<IncidentsOptions> options, ILogger<FileOutbox> logger)
    {
        var o = options.Value;
        Directory.CreateDirectory(o.OutboxDirectory);
        path = Path.Combine(o.OutboxDirectory, "outbox.jsonl");
        maxEntries = o.OutboxMaxEntries;
        maxBytes = o.OutboxMaxBytes;
        this.logger = logger;
        lockFile = new FileStream(Path.Combine(o.OutboxDirectory, "outbox.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        entries = ReadFile(out var torn);
        if (torn)
        {
            // Appending after a line without its newline would glue the next entry onto it.
            Rewrite(entries);
        }

        nextSequence = entries.Count == 0 ? 1 : entries[^1].Sequence + 1;
    }

    public int Count
    {
        get { lock (gate) { return entries.Count; } }
    }

    /// <summary>Pending entries in append order (a copy).</summary>
    public IReadOnlyList<OutboxEntry> Pending
    {
        get { lock (gate) { return [.. entries]; } }
    }

    /// <summary>Appends and fsyncs; throws <see cref="OutboxFullException"/> at the bound.</summary>
    public OutboxEntry Append(Func<long, OutboxEntry> create)
    {
        lock (gate)
        {
            var entry = create(nextSequence);
            var line = JsonSerializer.Serialize(entry, OutboxJson.Options) + "\n";
            var data = Encoding.UTF8.GetBytes(line);
            if (entries.Count >= maxEntries || bytes + data.Length > maxBytes)
            {
                throw new OutboxFullException($"outbox holds {entries.Count} entries / {bytes} bytes; refusing more until the database returns");
            }

            using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                stream.Write(data);
                stream.Flush(flushToDisk: true);
            }

            entries.Add(entry);
            bytes += data.Length;
            nextSequence++;
            return entry;
        }
    }

    /// <summary>Drops the entries up to and including <paramref name="lastSequence"/> once they are in the database.</summary>
    public void RemoveThrough(long lastSequence)
    {
        lock (gate)
        {
            var remaining = entries.Where(e => e.Sequence > lastSequence).ToList();
            Rewrite(remaining);
            entries = remaining;
        }
    }

    public void Dispose() => lockFile.Dispose();

    private void Rewrite(List<OutboxEntry> remaining)
    {
        var tmp = path + ".tmp";
        using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            foreach (var entry in remaining)
            {
                stream.Write(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(entry, OutboxJson.Options) + "\n"));
            }

            stream.Flush(flushToDisk: true);
        }

        // Rename is atomic: a crash leaves either the old file (replayed again, idempotently) or the new one.
        File.Move(tmp, path, overwrite: true);
        bytes = new FileInfo(path).Length;
    }

    private List<OutboxEntry> ReadFile(out bool torn)
    {
        torn = false;
        if (!File.Exists(path))
        {
            return [];
        }

        var result = new List<OutboxEntry>();
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            try
            {
                result.Add(JsonSerializer.Deserialize<OutboxEntry>(lines[i], OutboxJson.Options)!);
            }
            catch (JsonException) when (i == lines.Length - 1)
            {
                // A crash mid-append leaves a torn last line that was never acknowledged to anyone.
                logger.LogWarning("Ignoring a torn last outbox line ({Length} bytes)", lines[i].Length);
                torn = true;
            }
        }

        bytes = new FileInfo(path).Length;
        return result;
    }
}
