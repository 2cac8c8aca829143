using System.Text;
using Microsoft.Extensions.Options;
using Nginx502Bot.Agent.Options;

namespace Nginx502Bot.Agent.Host;

/// <summary>
/// Read-only access to host paths through the configured roots: <c>/proc/1/cmdline</c> is read from
/// <c>ProcRoot/1/cmdline</c>, <c>/etc/nginx/nginx.conf</c> from <c>EtcRoot/nginx/nginx.conf</c>, anything else from
/// <c>Root</c>. Every read is capped; logs are read from their end. Missing files are null, never exceptions.
/// </summary>
public sealed class HostFileSystem
{
    private readonly (string Prefix, string Root)[] _mounts;
    private readonly string _root;

    public HostFileSystem(IOptions<AgentOptions> options)
    {
        var o = options.Value;
        _root = o.Root.TrimEnd('/');
        _mounts =
        [
            ("/proc", Norm(o.ProcRoot) ?? _root + "/proc"),
            ("/etc", Norm(o.EtcRoot) ?? _root + "/etc"),
            ("/sys", Norm(o.SysRoot) ?? _root + "/sys"),
            ("/var/log", Norm(o.LogRoot) ?? _root + "/var/log"),
        ];
        MaxFileBytes = o.MaxFileBytes;
    }

    public int MaxFileBytes { get; }

    /// <summary>True when host paths are the real ones (no relocation), so executing or connecting by path is meaningful.</summary>
    public bool IsRealRoot => _root.Length == 0 && _mounts.All(m => m.Root == m.Prefix);

    private static string? Norm(string? path) => path?.TrimEnd('/');

    /// <summary>The local path a host path is read from.</summary>
    public string Map(string hostPath)
    {
        foreach (var (prefix, root) in _mounts)
        {
            if (hostPath == prefix || hostPath.StartsWith(prefix + "/", StringComparison.Ordinal)) { return root + hostPath[prefix.Length..]; }
        }

        return _root + hostPath;
    }

    public bool FileExists(string hostPath) => File.Exists(Map(hostPath));

    public bool DirectoryExists(string hostPath) => Directory.Exists(Map(hostPath));

    /// <summary>The start of a file, at most <paramref name="maxBytes"/> (default <see cref="MaxFileBytes"/>); null when unreadable.</summary>
    public string? ReadText(string hostPath, int? maxBytes = null)
    {
        try
        {
            using var stream = new FileStream(Map(hostPath), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.None);
            var buffer = new byte[Math.Min(maxBytes ?? MaxFileBytes, 1 << 26)];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0) { total += read; }
            return Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The last <paramref name="maxBytes"/> of a file as whole lines (a cut first line is dropped); null when unreadable.</summary>
    public TailResult? ReadTail(string hostPath, int? maxBytes = null)
    {
        try
        {
            using var stream = new FileStream(Map(hostPath), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var cap = maxBytes ?? MaxFileBytes;
            var start = Math.Max(0, stream.Length - cap);
            stream.Seek(start, SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd();
            if (start > 0 && text.IndexOf('\n') is var nl and >= 0) { text = text[(nl + 1)..]; }
            return new TailResult(text, start > 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The end of a file back to the first line stamped before <paramref name="since"/>, at most <paramref name="maxBytes"/>
    /// (default <see cref="MaxFileBytes"/>), as whole lines. It steps back from the end a block at a time and looks at
    /// the first whole line of each block (<paramref name="stampOf"/> gives its time, or null for an unstamped line), so a
    /// recent window of a 50 MiB log costs a few blocks instead of the whole cap. Lines are not filtered here: the
    /// caller still applies its window. <see cref="TailResult.Truncated"/> when the cap stopped the walk before it
    /// reached a line older than <paramref name="since"/>. Null when unreadable.
    /// </summary>
    public TailResult? ReadTailSince(string hostPath, DateTime since, Func<string, DateTime?> stampOf, int? maxBytes = null)
    {
        try
        {
            using var stream = new FileStream(Map(hostPath), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var length = stream.Length;
            var floor = Math.Max(0, length - (maxBytes ?? MaxFileBytes));
            var start = length;
            var reachedWindowStart = false;
            while (start > floor && !reachedWindowStart)
            {
                start = Math.Max(floor, start - TailBlockBytes);
                reachedWindowStart = start > 0 && FirstWholeLine(stream, start) is { } line && stampOf(line) is { } t && t < since;
            }

            stream.Seek(start, SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd();
            if (start > 0 && text.IndexOf('\n') is var nl and >= 0) { text = text[(nl + 1)..]; }
            return new TailResult(text, start > 0 && !reachedWindowStart);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>How far <see cref="ReadTailSince"/> steps back at a time.</summary>
    public const int TailBlockBytes = 64 * 1024;

    /// <summary>The first line that starts after <paramref name="offset"/> (the one cut there is skipped), up to 4 KiB of it.</summary>
    private static string? FirstWholeLine(FileStream stream, long offset)
    {
        var buffer = new byte[8192];
        stream.Seek(offset, SeekOrigin.Begin);
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var nl = Array.IndexOf(buffer, (byte)'\n', 0, read);
        if (nl < 0 || nl + 1 >= read) { return null; }
        var end = Array.IndexOf(buffer, (byte)'\n', nl + 1, read - nl - 1);
        return Encoding.UTF8.GetString(buffer, nl + 1, (end < 0 ? read : end) - nl - 1);
    }

    /// <summary>Full host paths of the files in a host directory; empty when it does not exist.</summary>
    public IReadOnlyList<string> ListFiles(string hostDir) => List(hostDir, directories: false);

    /// <summary>Full host paths of the subdirectories of a host directory.</summary>
    public IReadOnlyList<string> ListDirectories(string hostDir) => List(hostDir, directories: true);

    private string[] List(string hostDir, bool directories)
    {
        try
        {
            var local = Map(hostDir.TrimEnd('/'));
            var entries = directories ? Directory.GetDirectories(local) : Directory.GetFiles(local);
            var prefix = hostDir.TrimEnd('/');
            return entries.Select(e => prefix + "/" + Path.GetFileName(e)).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Names of the entries (files, links, directories) of a host directory; empty when unreadable.</summary>
    public IReadOnlyList<string> EntryNames(string hostDir)
    {
        try
        {
            return Directory.GetFileSystemEntries(Map(hostDir)).Select(Path.GetFileName).OfType<string>().ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The target of a symbolic link as stored (e.g. <c>socket:[12345]</c>); null when not a link or unreadable.</summary>
    public string? ReadLink(string hostPath)
    {
        try
        {
            return new FileInfo(Map(hostPath)).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
