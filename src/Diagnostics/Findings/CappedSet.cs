namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>Distinct strings up to a cap, counting what did not fit; looks up spans without allocating.</summary>
public sealed class CappedSet
{
    /// <summary>Kept values in insertion order: at most a few dozen, found through <see cref="_slots"/>.</summary>
    private readonly string[] _items;
    private int _count;
    private readonly HashSet<string> _overflow = new(StringComparer.Ordinal);
    private readonly int _cap;

    /// <summary>
    /// The value added last, kept or counted. Records come in runs of the same server, host or path, and a value once
    /// kept or counted never changes the set again, so a repeat is answered without hashing.
    /// </summary>
    private string? _last;

    /// <summary>Per slot (see <see cref="Slot"/>), one kept value's index plus one, or 0.</summary>
    private readonly byte[] _slots = new byte[Slots];

    private const int Slots = 64;

    public CappedSet(int cap)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cap, byte.MaxValue);
        _cap = cap;
        _items = new string[cap];
    }

    public IReadOnlyList<string> Items => [.. _items.Take(_count).Order(StringComparer.Ordinal)];

    /// <summary>Distinct values beyond the cap (themselves counted up to a bound).</summary>
    public int More => _overflow.Count;

    /// <summary>A slot from the value's length and three of its characters: cheap, and enough to tell a few dozen apart.</summary>
    private static int Slot(ReadOnlySpan<char> value) =>
        (value.Length * 7 + value[0] + (value[^1] * 3) + (value[value.Length / 2] * 5)) & (Slots - 1);

    public void UnionWith(CappedSet other)
    {
        foreach (var item in other._items.Take(other._count).Concat(other._overflow))
        {
            Add(item);
        }
    }

    public void Add(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.SequenceEqual(_last))
        {
            return;
        }

        // Most values are answered by their slot: one comparison. A value whose slot is empty is not kept; one whose slot
        // holds another value may still be kept (it lost the slot to that one), and is looked for by a scan.
        ref var slot = ref _slots[Slot(value)];
        if (slot > 0 && value.SequenceEqual(_items[slot - 1]))
        {
            _last = _items[slot - 1];
            return;
        }

        if (slot > 0)
        {
            for (var i = 0; i < _count; i++)
            {
                var kept = _items[i];
                if (kept.Length == value.Length && value.SequenceEqual(kept))
                {
                    _last = kept;
                    return;
                }
            }
        }

        if (_count < _cap)
        {
            _last = new string(value);
            _items[_count++] = _last;
            if (slot == 0)
            {
                slot = (byte)_count;
            }
        }
        else if (_overflow.Count < 10_000)
        {
            var overflow = _overflow.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!overflow.TryGetValue(value, out _last))
            {
                _last = new string(value);
                _overflow.Add(_last);
            }
        }
    }
}
