using System.IO.Compression;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// Rotated logs are compressed (logrotate's <c>error.log.2.gz</c>), and a glob over a log directory names them beside the
/// live log: a file that starts with gzip's magic bytes is read through a decompressor, whatever its name. A file that
/// cannot be peeked at (not seekable, or failing to read) is handed on as it is, for the read itself to report.
/// </summary>
public static class GzipInput
{
    public static Stream Decompressed(FileStream file) =>
        StartsWithGzipMagic(file) ? new GZipStream(file, CompressionMode.Decompress) : file;

    /// <summary>What to say of a file that starts like gzip and then is not (cut short, or not compressed after all).</summary>
    public static IOException NotGzip(string name, InvalidDataException e) => new($"'{name}' is not valid gzip data ({e.Message})", e);

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
            return read == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
