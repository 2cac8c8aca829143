using Nginx502Bot.Diagnostics.Analysis;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// Rotated logs are compressed (logrotate's <c>error.log.2.gz</c>), and a glob over a log directory names them beside the
/// live log: a file or a pipe that starts with gzip's magic bytes is read through a decompressor, whatever its name. A
/// file that cannot be peeked at (not seekable, or failing to read) is handed on as it is, for the read itself to report.
/// </summary>
public static class GzipInput
{
    public static Stream Decompressed(FileStream file) =>
        StartsWithGzipMagic(file) ? new CheckedGzipStream(file) : file;

    /// <summary>
    /// A stream that cannot seek (standard input: <c>ssh web1 cat /var/log/nginx/error.log.2.gz | nginx502bot diagnose</c>),
    /// decompressed when its first two bytes are gzip's; the bytes peeked at are given back either way.
    /// </summary>
    public static Stream DecompressedPipe(Stream pipe)
    {
        var head = new byte[2];
        var read = pipe.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var whole = new PrefixedStream(head.AsMemory(0, read), pipe);
        return IsGzipMagic(head.AsSpan(0, read)) ? new CheckedGzipStream(whole) : whole;
    }

    /// <summary>
    /// Reads every line of <paramref name="input"/> through <paramref name="reader"/> (made over it). Returns what went
    /// wrong with a gzip input read only in part, or null: data that starts like gzip and then is not (damaged, or not
    /// compressed after all), or that ends before gzip's trailer (see <see cref="CheckedGzipStream"/>). The lines before
    /// the damage or the cut have been handed on either way.
    /// </summary>
    public static string? ReadLines(string name, Stream input, LineReader reader, LineAction onLine, CancellationToken cancellationToken)
    {
        try
        {
            reader.ReadAll(onLine, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return $"'{name}' is not valid gzip data ({e.Message}); what came before was read";
        }

        return input is CheckedGzipStream { CutShort: true }
            ? $"'{name}' is cut short: its gzip data ends before gzip's trailer, so the records after the cut are missing"
            : null;
    }

    /// <summary>gzip's two magic bytes (RFC 1952: ID1 31, ID2 139).</summary>
    private static bool IsGzipMagic(ReadOnlySpan<byte> head) => head is [0x1f, 0x8b];

    private static bool StartsWithGzipMagic(FileStream file)
    {
        if (!file.CanSeek)
        {
            return false;
        }

        Span<byte> magic = stackalloc byte[2];
        try
        {
            var read = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            file.Position = 0;
            return IsGzipMagic(magic[..read]);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
