namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>
/// The attempt each request (<c>*cid</c> + request hash) last failed with, for retry tracking: a map from the request to a
/// non-negative number its caller chooses (<see cref="FindingAggregator"/> stores the finding and the status that attempt
/// counted), with the semantics of a <see cref="Dictionary{TKey, TValue}"/> that is cleared when it reaches
/// <see cref="Capacity"/> keys.
/// Connection ids grow one by one, so a request's home bucket is its connection id: consecutive records touch
/// neighbouring memory instead of a random slot of a large table (the dictionary's cache misses dominated the aggregator).
/// A key that finds no room within <see cref="ProbeBuckets"/> buckets (many requests on one connection) goes to a small
/// dictionary, so no input makes a lookup long.
/// </summary>
public sealed class AttemptTable
{
    public const int Capacity = 100_000;

    private const int BucketBits = 16;
    private const int BucketMask = (1 << BucketBits) - 1;
    private const int EntriesPerBucket = 4;
    private const int ProbeBuckets = 4;

    private readonly Entry[] _entries = new Entry[(1 << BucketBits) * EntriesPerBucket];
    private readonly Dictionary<(long Cid, int Request), int> _overflow = [];
    private int _count;

    /// <summary>Distinct keys held.</summary>
    public int Count => _count + _overflow.Count;

    /// <summary>Records <paramref name="value"/> (zero or more) for the key and returns what it held before (-1 if nothing).</summary>
    public int Exchange(long cid, int request, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        var at = Find(cid, request, out var free);
        if (at >= 0)
        {
            var previous = _entries[at].ValuePlusOne - 1;
            _entries[at].ValuePlusOne = value + 1;
            return previous;
        }

        if (free >= 0)
        {
            _entries[free] = new Entry { Cid = cid, Request = request, ValuePlusOne = value + 1 };
            _count++;
            return -1;
        }

        var key = (cid, request);
        var held = _overflow.GetValueOrDefault(key, -1);
        _overflow[key] = value;
        return held;
    }

    /// <summary>What the key holds, or -1.</summary>
    public int Get(long cid, int request)
    {
        var at = Find(cid, request, out var free);
        return at >= 0 ? _entries[at].ValuePlusOne - 1 : free >= 0 ? -1 : _overflow.GetValueOrDefault((cid, request), -1);
    }

    /// <summary>
    /// The entry's index, or -1 with <paramref name="free"/> the first empty slot of the probe (-1 when the probed buckets
    /// are full: then the key, if held, is in the overflow, because entries are only ever removed all at once).
    /// </summary>
    private int Find(long cid, int request, out int free)
    {
        var home = (int)(cid & BucketMask);
        for (var b = 0; b < ProbeBuckets; b++)
        {
            var start = ((home + b) & BucketMask) * EntriesPerBucket;
            for (var i = start; i < start + EntriesPerBucket; i++)
            {
                ref readonly var entry = ref _entries[i];
                if (entry.ValuePlusOne == 0)
                {
                    free = i;
                    return -1;
                }

                if (entry.Cid == cid && entry.Request == request)
                {
                    free = -1;
                    return i;
                }
            }
        }

        free = -1;
        return -1;
    }

    /// <summary>Every key and the value it holds, in no particular order.</summary>
    public IEnumerable<(long Cid, int Request, int Value)> Entries()
    {
        foreach (var entry in _entries)
        {
            if (entry.ValuePlusOne != 0)
            {
                yield return (entry.Cid, entry.Request, entry.ValuePlusOne - 1);
            }
        }

        foreach (var ((cid, request), value) in _overflow)
        {
            yield return (cid, request, value);
        }
    }

    public void Clear()
    {
        Array.Clear(_entries);
        _overflow.Clear();
        _count = 0;
    }

    /// <summary>16 bytes, four to a cache line; zero is an empty slot.</summary>
    private struct Entry
    {
        public long Cid;
        public int Request;
        public int ValuePlusOne;
    }
}
