namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// A read-only pass-through that counts the bytes read from <paramref name="inner"/> and keeps the last
/// <see cref="TailLength"/> of them: what <see cref="CheckedGzipStream"/> needs to see gzip's trailer once the data ends.
/// </summary>
public sealed class TailKeepingStream(Stream inner) : ReadOnlyWrapperStream(inner)
{
    public const int TailLength = 8;

    private readonly byte[] _tail = new byte[TailLength];

    /// <summary>Bytes read so far.</summary>
    public long Count { get; private set; }

    /// <summary>The last bytes read (fewer than <see cref="TailLength"/> when fewer were read).</summary>
    public ReadOnlySpan<byte> Tail => _tail.AsSpan(TailLength - (int)Math.Min(Count, TailLength));

    public override int Read(Span<byte> buffer)
    {
        var n = Inner.Read(buffer);
        Keep(buffer[..n]);
        return n;
    }

    private void Keep(ReadOnlySpan<byte> read)
    {
        Count += read.Length;
        if (read.Length >= TailLength)
        {
            read[^TailLength..].CopyTo(_tail);
            return;
        }

        // Shift the kept bytes left by what came in, then append it.
        _tail.AsSpan(read.Length).CopyTo(_tail);
        read.CopyTo(_tail.AsSpan(TailLength - read.Length));
    }
}
