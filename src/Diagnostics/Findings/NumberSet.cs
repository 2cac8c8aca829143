using System.Collections;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>
/// Distinct numbers (seconds, connection ids) as a bitmap of 64-number words: they come in dense runs, so a finding's
/// 100 000 numbers take a few kilobytes, a merge and a proximity test work a word (64 numbers) at a time, and consecutive
/// numbers mostly land in the word used last, which is remembered so that they skip the dictionary. Enumerates word by
/// word in the order the words were first used, ascending within a word.
/// </summary>
public sealed class NumberSet : IEnumerable<long>
{
    /// <summary>Word key (number / 64) to its index in <see cref="_bits"/>.</summary>
    private readonly Dictionary<long, int> _words = [];
    private ulong[] _bits = new ulong[4];
    private long _lastKey = long.MinValue;
    private int _lastIndex;

    public int Count { get; private set; }

    public bool Contains(long value) => _words.TryGetValue(value >> 6, out var index) && (_bits[index] & Bit(value)) != 0;

    /// <summary>Adds the number; false when it was already there.</summary>
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
        Count++;
        return true;
    }

    public void UnionWith(IEnumerable<long> values)
    {
        foreach (var value in values)
        {
            Add(value);
        }
    }

    /// <summary>Adds <paramref name="other"/>'s numbers, word by word, while this set holds fewer than <paramref name="cap"/>.</summary>
    public void UnionWith(NumberSet other, int cap)
    {
        foreach (var (key, index) in other._words)
        {
            var mine = WordIndex(key);
            var added = other._bits[index] & ~_bits[mine];
            while (added != 0 && Count < cap)
            {
                var lowest = added & (~added + 1);
                _bits[mine] |= lowest;
                added &= ~lowest;
                Count++;
            }
        }

        _lastKey = long.MinValue;
    }

    /// <summary>True when the two sets share a number.</summary>
    public bool Overlaps(NumberSet other) => Within(other, 0);

    /// <summary>True when a number of this set is at most <paramref name="distance"/> (0 to 63) from one of <paramref name="other"/>.</summary>
    public bool Within(NumberSet other, int distance)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(distance, 63);
        var (small, large) = _words.Count <= other._words.Count ? (this, other) : (other, this);
        foreach (var (key, index) in small._words)
        {
            // The word's numbers widened by the distance, spilling into the neighbouring words.
            var bits = small._bits[index];
            ulong here = bits, below = 0, above = 0;
            for (var d = 1; d <= distance; d++)
            {
                here |= (bits << d) | (bits >> d);
                above |= bits >> (64 - d);
                below |= bits << (64 - d);
            }

            if (Meets(large, key, here) || (above != 0 && Meets(large, key + 1, above)) || (below != 0 && Meets(large, key - 1, below)))
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerator<long> GetEnumerator()
    {
        foreach (var (key, index) in _words)
        {
            for (var bits = _bits[index]; bits != 0; bits &= bits - 1)
            {
                yield return (key << 6) + BitOperations.TrailingZeroCount(bits);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static bool Meets(NumberSet set, long key, ulong mask) => set._words.TryGetValue(key, out var at) && (set._bits[at] & mask) != 0;

    private int WordIndex(long key)
    {
        ref var index = ref CollectionsMarshal.GetValueRefOrAddDefault(_words, key, out var exists);
        if (!exists)
        {
            index = _words.Count - 1;
            if (index == _bits.Length)
            {
                Array.Resize(ref _bits, index * 2);
            }
        }

        return index;
    }

    private static ulong Bit(long value) => 1UL << (int)(value & 63);
}
