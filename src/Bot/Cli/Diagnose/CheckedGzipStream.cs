using System.Buffers.Binary;
using System.IO.Compression;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// gzip data decompressed as it is read, which says afterwards whether the data was cut short: .NET's
/// <see cref="GZipStream"/> ends quietly where a truncated file ends (a copy interrupted, a disk that filled while
/// logrotate compressed), so the records after the cut would be missing without a word.
/// </summary>
/// <remarks>
/// gzip ends with its uncompressed length modulo 2^32 (RFC 1952's ISIZE). When the data ends, that trailer is compared
/// with what was decompressed: an intact file's trailer matches; a cut file's last four bytes are compressed data, almost
/// always larger than what came out. Several members joined (<c>cat a.gz b.gz</c>) end with the last member's length,
/// which is smaller: that, and any mismatch past 4 GiB, is left unflagged rather than guessed.
/// </remarks>
public sealed class CheckedGzipStream : ReadOnlyWrapperStream
{
    /// <summary>The smallest gzip member: a 10-byte header, an empty deflate block and the 8-byte trailer.</summary>
    private const int SmallestMember = 20;

    private readonly TailKeepingStream _compressed;
    private long _decompressed;
    private bool _ended;

    public CheckedGzipStream(Stream compressed)
        : this(new TailKeepingStream(compressed))
    {
    }

    private CheckedGzipStream(TailKeepingStream compressed)
        : base(new GZipStream(compressed, CompressionMode.Decompress)) => _compressed = compressed;

    /// <summary>Once the data has ended: whether it ended before gzip's trailer.</summary>
    public bool CutShort { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        if (_ended)
        {
            return 0;
        }

        var n = Inner.Read(buffer);
        _decompressed += n;
        if (n == 0 && buffer.Length > 0)
        {
            _ended = true;
            CutShort = EndsBeforeTrailer(_compressed.Count, _compressed.Tail, _decompressed);
        }

        return n;
    }

    /// <summary>Whether gzip data of <paramref name="compressedLength"/> bytes ending in <paramref name="tail"/> was cut short.</summary>
    public static bool EndsBeforeTrailer(long compressedLength, ReadOnlySpan<byte> tail, long decompressedLength)
    {
        if (compressedLength < SmallestMember || tail.Length < 4)
        {
            return true;
        }

        var trailerLength = BinaryPrimitives.ReadUInt32LittleEndian(tail[^4..]);
        return decompressedLength <= uint.MaxValue && trailerLength > decompressedLength;
    }
}
