using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Nginx502Bot.Bot.Cli.Diagnose;

/// <summary>
/// A growable UTF-8 buffer that JSON values are appended to, byte for byte as <see cref="Utf8JsonWriter"/> with its
/// default encoder writes them. Log text is almost always plain ASCII that needs no escaping: such a value is narrowed
/// straight into the buffer; any other value is escaped by a <see cref="Utf8JsonWriter"/>, so both paths agree.
/// </summary>
public sealed class JsonBytes : IDisposable
{
    /// <summary>What the default encoder writes unescaped: printable ASCII except <c>" \ &amp; ' &lt; &gt; + `</c>.</summary>
    private static readonly SearchValues<byte> Plain = SearchValues.Create(
        " !#$%()*,-./0123456789:;=?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~"u8);

    private readonly ArrayBufferWriter<byte> _escaped = new(256);
    private readonly Utf8JsonWriter _escaper;
    private byte[] _buffer;
    private int _length;

    public JsonBytes(int capacity)
    {
        _buffer = new byte[capacity];
        _escaper = new Utf8JsonWriter(_escaped, new JsonWriterOptions { SkipValidation = true });
    }

    public int Length => _length;

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void Raw(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Room(bytes.Length));
        _length += bytes.Length;
    }

    public void Punctuation(byte b)
    {
        Room(1)[0] = b;
        _length++;
    }

    public void Number(long value)
    {
        Utf8Formatter.TryFormat(value, Room(20), out var written);
        _length += written;
    }

    /// <summary>A JSON string value, quotes included.</summary>
    public void Quoted(ReadOnlySpan<char> value)
    {
        // Narrowed first, checked as bytes (half the data of the chars); anything else is escaped over what was narrowed.
        var room = Room(value.Length + 2);
        var text = room.Slice(1, value.Length);
        if (Ascii.FromUtf16(value, text, out _) == OperationStatus.Done && !text.ContainsAnyExcept(Plain))
        {
            room[0] = (byte)'"';
            room[value.Length + 1] = (byte)'"';
            _length += value.Length + 2;
            return;
        }

        _escaped.ResetWrittenCount();
        _escaper.Reset();
        _escaper.WriteStringValue(value);
        _escaper.Flush();
        Raw(_escaped.WrittenSpan);
    }

    public void Dispose() => _escaper.Dispose();

    private Span<byte> Room(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_length + count, _buffer.Length * 2));
        }

        return _buffer.AsSpan(_length);
    }
}
