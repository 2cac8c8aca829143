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
