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
    /// <summary>Word number (value / 64) to its index in <see cref="_bits"/>.</summary>
    private readonly WordIndex _words = new();
    private readonly List<ulong> _bits = [];
    private readonly List<long> _order = [];

    /// <summary>The word touched last: runs of close numbers (seconds, connection ids) skip the dictionary.</summary>
    private long _lastWord = long.MinValue;
    private int _lastIndex = -1;

    public int Count => _order.Count;

    public bool Contains(long value) => _words.Find(value >> 6) is >= 0 and var index && (_bits[index] & Bit(value)) != 0;

    /// <summary>Adds the number; false when it was already there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(long value)
    {
        var key = value >> 6;
        if (key != _lastWord)
        {
            _lastIndex = _words.GetOrAdd(key, _bits.Count, out var added);
            if (added)
            {
                _bits.Add(0);
            }

            _lastWord = key;
        }

        ref var word = ref CollectionsMarshal.AsSpan(_bits)[_lastIndex];
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
        foreach (var (key, index) in small._words.Entries())
        {
            if (large._words.Find(key) is >= 0 and var at && (large._bits[at] & small._bits[index]) != 0)
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
