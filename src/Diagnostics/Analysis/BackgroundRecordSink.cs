using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>
/// Hands records, in order, to another sink on a thread of its own, so formatting them (the JSON output) runs on a
/// second core while the analyzer parses. Records travel in a few reused batches: memory stays bounded, and the
/// analyzer waits when the other side falls behind. A failure of the inner sink is rethrown to the analyzer's thread.
/// </summary>
public sealed class BackgroundRecordSink : IRecordSink, IDisposable
{
    private const int Batches = 4;

    private readonly IRecordSink _inner;
    private readonly BlockingCollection<RecordBatch> _full = new(Batches);
    private readonly BlockingCollection<RecordBatch> _free = new(Batches);
    private readonly Thread _thread;
    private RecordBatch _current = new();
    private volatile ExceptionDispatchInfo? _failure;
    private bool _completed;

    public BackgroundRecordSink(IRecordSink inner)
    {
        _inner = inner;
        for (var i = 1; i < Batches; i++)
        {
            _free.Add(new RecordBatch());
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "record sink" };
        _thread.Start();
    }

    public void OnRecord(in RecordView record)
    {
        _failure?.Throw();
        _current.Add(record);
        if (_current.IsFull)
        {
            _full.Add(_current);
            _current = _free.Take();
        }
    }

    /// <summary>Waits until the inner sink has seen every record; rethrows its failure.</summary>
    public void Complete()
    {
        Drain();
        _failure?.Throw();
    }

    /// <summary>Hands over what is left (as a sink called directly would have written it) and stops the thread.</summary>
    public void Dispose()
    {
        Drain();
        _full.Dispose();
        _free.Dispose();
    }

    private void Drain()
    {
        if (_completed)
        {
            return;
        }

        _completed = true;
        if (_current.Count > 0)
        {
            _full.Add(_current);
        }

        _full.CompleteAdding();
        _thread.Join();
    }

    private void Run()
    {
        foreach (var batch in _full.GetConsumingEnumerable())
        {
            if (_failure is null)
            {
                try
                {
                    batch.Replay(_inner);
                }
                catch (Exception e)
                {
                    // Kept for the analyzer's thread; later batches are only recycled so it never waits forever.
                    _failure = ExceptionDispatchInfo.Capture(e);
                }
            }

            batch.Clear();
            _free.Add(batch);
        }
    }
}
