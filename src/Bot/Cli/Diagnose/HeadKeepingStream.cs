namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// Passes <paramref name="inner"/> through and keeps a copy of its first <see cref="TextSniff.HeadBytes"/> bytes, for
/// <see cref="TextSniff"/> to look at once the input has been read (a pipe cannot be read twice).
/// </summary>
public sealed class HeadKeepingStream(Stream inner) : ReadOnlyWrapperStream(inner)
{
    private readonly byte[] _head = new byte[TextSniff.HeadBytes];
    private int _kept;

    /// <summary>The first bytes read through this stream.</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _kept);

    public override int Read(Span<byte> buffer)
    {
        var n = Inner.Read(buffer);
        var keep = Math.Min(n, _head.Length - _kept);
        if (keep > 0)
        {
            buffer[..keep].CopyTo(_head.AsSpan(_kept));
            _kept += keep;
        }

        return n;
    }
}
