using System.Text;

namespace Nginx502Bot.Lab.Run;

/// <summary>Reads what a log file gained after an offset: complete lines only, bytes kept as Latin-1-safe UTF-8.</summary>
public static class LogTail
{
    public static long Offset(string? path) => path is not null && File.Exists(path) ? new FileInfo(path).Length : 0;

    /// <summary>Complete lines written after <paramref name="offset"/> (a line nginx is still writing is left out).</summary>
    public static IReadOnlyList<string> NewLines(string? path, long offset)
    {
        if (path is null || !File.Exists(path))
        {
            return [];
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= offset)
        {
            return [];
        }

        stream.Seek(offset, SeekOrigin.Begin);
        var buffer = new byte[stream.Length - offset];
        stream.ReadExactly(buffer);
        var end = Array.LastIndexOf(buffer, (byte)'\n');
        if (end < 0)
        {
            return [];
        }

        var text = Encoding.UTF8.GetString(buffer, 0, end);
        return text.Split('\n');
    }
}
