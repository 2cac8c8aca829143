using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>Copies of consecutive records (text and parse), to hand to another thread; reused once replayed.</summary>
internal sealed class RecordBatch
{
    public const int MaxRecords = 512;

    /// <summary>Text is capped too, so a batch of long records stays small.</summary>
    private const int MaxChars = 1 << 17;

    private readonly ClassifiedRecord[] _records = new ClassifiedRecord[MaxRecords];
    private readonly int[] _starts = new int[MaxRecords + 1];
    private char[] _text = new char[MaxChars];
    private int _count;

    public int Count => _count;

    public bool IsFull => _count == MaxRecords || _starts[_count] >= MaxChars;

    public void Add(in RecordView view)
    {
        var start = _starts[_count];
        if (start + view.Text.Length > _text.Length)
        {
            Array.Resize(ref _text, Math.Max(start + view.Text.Length, _text.Length * 2));
        }

        view.Text.CopyTo(_text.AsSpan(start));
        _records[_count] = view.Record;
        _count++;
        _starts[_count] = start + view.Text.Length;
    }

    /// <summary>Hands every record, in order, to <paramref name="sink"/>.</summary>
    public void Replay(IRecordSink sink)
    {
        for (var i = 0; i < _count; i++)
        {
            var text = _text.AsSpan(_starts[i], _starts[i + 1] - _starts[i]);
            sink.OnRecord(new RecordView(text, in _records[i]));
        }
    }

    public void Clear() => _count = 0;
}
