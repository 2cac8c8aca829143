using System.Text;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>
/// Splits a byte stream into physical lines and decodes each (UTF-8, invalid bytes replaced) into a reused buffer.
/// Memory stays bounded: a line longer than <see cref="MaxLineBytes"/> is cut and the rest skipped up to its newline.
/// </summary>
public sealed class LineReader
{
    public const int MaxLineBytes = 64 * 1024;
    private const int BufferSize = 1 << 20;

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly char[] _chars = new char[MaxLineBytes + 16];
    private readonly Decoder _decoder = new UTF8Encoding(false, false).GetDecoder();

    public LineReader(Stream stream) => _stream = stream;

    /// <summary>Bytes consumed so far (for progress).</summary>
    public long BytesRead { get; private set; }

    /// <summary>Lines that were longer than <see cref="MaxLineBytes"/> and were cut.</summary>
    public long CutLines { get; private set; }

    /// <summary>Calls <paramref name="onLine"/> for every line, without its terminator (LF or CRLF).</summary>
    public void ReadAll(LineAction onLine, CancellationToken cancellationToken = default)
    {
        var start = 0;
        var end = 0;
        var skipping = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (start > 0)
            {
                Buffer.BlockCopy(_buffer, start, _buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            var n = _stream.Read(_buffer, end, _buffer.Length - end);
            BytesRead += n;
            end += n;
            var data = _buffer.AsSpan(0, end);
            int nl;
            while ((nl = data[start..].IndexOf((byte)'\n')) >= 0)
            {
                if (!skipping)
                {
                    Emit(data.Slice(start, nl), onLine);
                }

                skipping = false;
                start += nl + 1;
            }

            if (n == 0)
            {
                if (end > start && !skipping)
                {
                    Emit(data[start..end], onLine);
                }

                return;
            }

            if (end - start >= MaxLineBytes && !skipping)
            {
                // An over-long line: keep its head, drop the rest up to the next newline.
                Emit(data.Slice(start, MaxLineBytes), onLine);
                CutLines++;
                skipping = true;
            }

            if (skipping)
            {
                start = end;
            }
        }
    }

    private void Emit(ReadOnlySpan<byte> line, LineAction onLine)
    {
        if (!line.IsEmpty && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        // Log lines are almost always ASCII: widen them directly; anything else goes through the replacing decoder.
        int count;
        if (System.Text.Ascii.ToUtf16(line, _chars, out var written) == System.Buffers.OperationStatus.Done)
        {
            count = written;
        }
        else
        {
            _decoder.Reset();
            count = _decoder.GetChars(line, _chars, flush: true);
        }

        onLine(_chars.AsSpan(0, count));
    }
}
