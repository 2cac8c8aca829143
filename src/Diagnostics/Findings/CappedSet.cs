namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>Distinct strings up to a cap, counting what did not fit; looks up spans without allocating.</summary>
public sealed class CappedSet
{
    private readonly HashSet<string> _items = new(StringComparer.Ordinal);
    private readonly HashSet<string> _overflow = new(StringComparer.Ordinal);
    private readonly int _cap;

    public CappedSet(int cap) => _cap = cap;

    public IReadOnlyList<string> Items => [.. _items.Order(StringComparer.Ordinal)];

    /// <summary>Distinct values beyond the cap (themselves counted up to a bound).</summary>
    public int More => _overflow.Count;

    public void UnionWith(CappedSet other)
    {
        foreach (var item in other._items.Concat(other._overflow))
        {
            Add(item);
        }
    }

    public void Add(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty || _items.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value))
        {
            return;
        }

        if (_items.Count < _cap)
        {
            _items.Add(new string(value));
        }
        else if (_overflow.Count < 10_000 && !_overflow.GetAlternateLookup<ReadOnlySpan<char>>().Contains(value))
        {
            _overflow.Add(new string(value));
        }
    }
}
