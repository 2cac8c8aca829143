using Nginx502Bot.Agent.Host;
using Nginx502Bot.Diagnostics.NginxConfig;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// Parsed configurations kept between diagnoses (re-parsing a thousand files costs more than everything else a
/// diagnosis does). An entry records every file the parser read (or found missing) with its <see cref="FileStamp"/>
/// and every directory it listed (include globs) with the names it saw. It is reused only when every file still has
/// the same stamp and every directory the same names, so an edited, replaced, added or removed file — main file,
/// include or glob match — forces a fresh parse. A parse that read a file changed in the last two seconds is not
/// kept: the kernel stamps times coarsely, and a second edit within the same tick could otherwise go unseen.
/// </summary>
public sealed class NginxConfigCache
{
    /// <summary>Configurations kept at once; the agent normally reads one or two.</summary>
    public const int MaxEntries = 16;

    /// <summary>Files changed this recently make a parse too fresh to trust later.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeSpan _settle;

    /// <param name="settle">How long a file must be unchanged before a parse that read it is kept; default <see cref="SettleTime"/>.</param>
    public NginxConfigCache(TimeSpan? settle = null) => _settle = settle ?? SettleTime;

    /// <summary>The configuration rooted at <paramref name="configPath"/>, parsed and summarised, from the cache when still current.</summary>
    public (ParsedConfig Parsed, ConfigSummary Summary, bool Cached) Get(string configPath, HostFileSystem files)
    {
        Entry? entry;
        lock (_gate) { _entries.TryGetValue(configPath, out entry); }
        if (entry is not null && IsCurrent(entry, files)) { return (entry.Parsed, entry.Summary, true); }

        var recorder = new Recorder(files, _settle);
        var parsed = NginxConfigParser.Parse(configPath, recorder.Access);
        var summary = NginxConfigSummarizer.Summarize(parsed);
        if (!recorder.TooFresh())
        {
            lock (_gate)
            {
                if (_entries.Count >= MaxEntries && !_entries.ContainsKey(configPath)) { _entries.Clear(); }
                _entries[configPath] = new Entry(parsed, summary, recorder.Files, recorder.Directories);
            }
        }

        return (parsed, summary, false);
    }

    private static bool IsCurrent(Entry entry, HostFileSystem files) =>
        entry.Files.All(f => NativeStat.Stamp(files.Map(f.Key)) == f.Value)
        && entry.Directories.All(d => files.ListFiles(d.Key).SequenceEqual(d.Value, StringComparer.Ordinal));

    private sealed record Entry(ParsedConfig Parsed, ConfigSummary Summary, Dictionary<string, FileStamp?> Files, Dictionary<string, string[]> Directories);

    /// <summary>Reads through the rooted file access, stamping each file before reading it (a write after the stamp shows later).</summary>
    private sealed class Recorder
    {
        private readonly HostFileSystem _files;
        private readonly TimeSpan _settle;

        public Recorder(HostFileSystem files, TimeSpan settle)
        {
            _files = files;
            _settle = settle;
            Access = new ConfigFileAccess(Read, List);
        }

        public ConfigFileAccess Access { get; }
        public Dictionary<string, FileStamp?> Files { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, string[]> Directories { get; } = new(StringComparer.Ordinal);

        /// <summary>Compared with the kernel's clock, which is the real one whatever clock the agent was given.</summary>
        public bool TooFresh()
        {
            if (_settle <= TimeSpan.Zero)
            {
                return false;
            }

            // Full tick precision: a whole-millisecond cut-off could fall before a stamp taken in that millisecond.
            var settled = ((TimeProvider.System.GetUtcNow() - _settle) - DateTimeOffset.UnixEpoch).Ticks * 100L;
            return Files.Values.Any(s => s is not null && (s.ChangedNs > settled || s.ModifiedNs > settled));
        }

        private string? Read(string path)
        {
            Files[path] = NativeStat.Stamp(_files.Map(path));
            return _files.ReadText(path);
        }

        private IReadOnlyList<string> List(string directory)
        {
            var names = _files.ListFiles(directory);
            Directories[directory] = [.. names];
            return names;
        }
    }
}
