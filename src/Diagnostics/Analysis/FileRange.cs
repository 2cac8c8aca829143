using Microsoft.Win32.SafeHandles;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>
/// A byte range of a file, read as a stream by one analyzer. Its end can move closer while it is read: an idle worker
/// takes the rest with <see cref="SplitAt"/>. Bytes already handed to the reader are never given away. Thread-safe.
/// </summary>
internal sealed class FileRange(SafeFileHandle file, long start, long end) : Stream
{
    private readonly Lock _gate = new();
    private long _end = end;

    /// <summary>The next offset to hand to the reader.</summary>
    private long _next = start;

    public long Start { get; } = start;

    /// <summary>Bytes not handed to the reader yet.</summary>
    public long Remaining
    {
        get
        {
            lock (_gate)
            {
                return _end - _next;
            }
        }
    }

    /// <summary>Halfway through what is left: where a split should start looking for a cut.</summary>
    public long Middle
    {
        get
        {
            lock (_gate)
            {
                return _next + ((_end - _next) / 2);
            }
        }
    }

    /// <summary>Gives up the bytes from <paramref name="cut"/> on as a new range, or null when some were handed out already.</summary>
    public FileRange? SplitAt(long cut)
    {
        lock (_gate)
        {
            if (cut <= _next || cut >= _end)
            {
                return null;
            }

            var rest = new FileRange(file, cut, _end);
            _end = cut;
            return rest;
        }
    }

    public override int Read(Span<byte> buffer)
    {
        long at;
        int count;
        lock (_gate)
        {
            count = (int)Math.Min(buffer.Length, _end - _next);
            if (count <= 0)
            {
                return 0;
            }

            // Reserved before reading, so a split never falls inside bytes being read.
            at = _next;
            _next += count;
        }

        var read = RandomAccess.Read(file, buffer[..count], at);
        if (read < count)
        {
            // The file shrank under us: end here.
            lock (_gate)
            {
                _next = _end = at + read;
            }
        }

        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
