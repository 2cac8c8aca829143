using System.Runtime.CompilerServices;
using System.Collections;

namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>
/// Distinct numbers, enumerated in the order they were first added (as a <see cref="HashSet{T}"/> without removals is).
/// Membership is a bitmap of 64-number words: seconds and connection ids come in dense runs, so a finding's 100 000
/// numbers take about a third of the memory a hash set needs, and consecutive numbers mostly land in the word used last,
/// which is remembered so that they skip the dictionary.
/// </summary>
public sealed class NumberSet : IEnumerable<long>
{
    /// <summary>Word key (number / 64) to its index in <see cref="_bits"/>.</summary>
    private readonly Dictionary<long, int> _words = [];
    private ulong[] _bits = new ulong[4];
    private readonly List<long> _order = [];
    private long _lastKey = long.MinValue;
    private int _lastIndex;

    public int Count => _order.Count;

    public bool Contains(long value) => _words.TryGetValue(value >> 6, out var index) && (_bits[index] & Bit(value)) != 0;

    /// <summary>Adds the number; false when it was already there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Add(long value)
    {
        var key = value >> 6;
        if (key != _lastKey)
        {
            _lastIndex = WordIndex(key);
            _lastKey = key;
        }

        ref var word = ref _bits[_lastIndex];
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
        foreach (var (key, index) in small._words)
        {
            if (large._words.TryGetValue(key, out var at) && (large._bits[at] & small._bits[index]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerator<long> GetEnumerator() => _order.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private int WordIndex(long key)
    {
        if (_words.TryGetValue(key, out var index))
        {
            return index;
        }

        index = _words.Count;
        if (index == _bits.Length)
        {
            Array.Resize(ref _bits, index * 2);
        }

        _words.Add(key, index);
        return index;
    }

    private static ulong Bit(long value) => 1UL << (int)(value & 63);
}
