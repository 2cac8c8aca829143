using System.Runtime.CompilerServices;
namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>Distinct strings up to a cap, counting what did not fit; looks up spans without allocating.</summary>
public sealed class CappedSet
{
    /// <summary>Kept values in insertion order: at most a few dozen, so a scan that compares lengths first beats hashing.</summary>
    private readonly string[] _items;
    private int _count;
    private readonly HashSet<string> _overflow = new(StringComparer.Ordinal);
    private readonly int _cap;

    /// <summary>
    /// The value added last, kept or counted. Records come in runs of the same server, host or path, and a value once
    /// kept or counted never changes the set again, so a repeat is answered without hashing.
    /// </summary>
    private string? _last;

    public CappedSet(int cap)
    {
        _cap = cap;
        _items = new string[cap];
    }

    public IReadOnlyList<string> Items => [.. _items.Take(_count).Order(StringComparer.Ordinal)];

    /// <summary>Distinct values beyond the cap (themselves counted up to a bound).</summary>
    public int More => _overflow.Count;

    public void UnionWith(CappedSet other)
    {
        foreach (var item in other._items.Take(other._count).Concat(other._overflow))
        {
            Add(item);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || value.SequenceEqual(_last))
        {
            return;
        }

        for (var i = 0; i < _count; i++)
        {
            var kept = _items[i];
            if (kept.Length == value.Length && value.SequenceEqual(kept))
            {
                _last = kept;
                return;
            }
        }

        if (_count < _cap)
        {
            _last = new string(value);
            _items[_count++] = _last;
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
