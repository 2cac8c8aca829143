using System.Runtime.CompilerServices;
using System.Collections;
using System.Runtime.InteropServices;

namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>
/// Distinct numbers, enumerated in the order they were first added (as a <see cref="HashSet{T}"/> without removals is).
/// Membership is a bitmap of 64-number words: seconds and connection ids come in dense runs, so a finding's 100 000
/// numbers take about a third of the memory a hash set needs.
/// </summary>
public sealed class NumberSet : IEnumerable<long>
{
    private readonly Dictionary<long, ulong> _words = [];
    private readonly List<long> _order = [];

    public int Count => _order.Count;

    public bool Contains(long value) => _words.TryGetValue(value >> 6, out var word) && (word & Bit(value)) != 0;

    /// <summary>Adds the number; false when it was already there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(long value)
    {
        ref var word = ref CollectionsMarshal.GetValueRefOrAddDefault(_words, value >> 6, out _);
        var bit = Bit(value);
        if ((word & bit) != 0)
        {
            return false;
        }

        word |= bit;
        _order.Add(value);
        return true;
    }

    public void UnionWith(IEnumerable<long> values)
    {
        foreach (var value in values)
        {
            Add(value);
        }
    }

    /// <summary>True when the two sets share a number.</summary>
    public bool Overlaps(NumberSet other)
    {
        // Word by word: one probe answers for 64 numbers.
        var (small, large) = _words.Count <= other._words.Count ? (this, other) : (other, this);
        foreach (var (key, bits) in small._words)
        {
            if (large._words.TryGetValue(key, out var word) && (word & bits) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerator<long> GetEnumerator() => _order.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static ulong Bit(long value) => 1UL << (int)(value & 63);
}
