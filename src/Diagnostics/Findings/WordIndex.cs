namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>
/// Word number to slot, for <see cref="NumberSet"/>: open addressing with linear probing over two arrays, no removals.
/// A connection id is a new word almost every time, so this insert is on the hot path; <see cref="Dictionary{TKey,TValue}"/>
/// costs about twice as much per insert (entries, chains, resizes to primes).
/// </summary>
internal sealed class WordIndex
{
    private long[] _keys = new long[16];

    /// <summary>Slot plus one; 0 marks an empty entry.</summary>
    private int[] _values = new int[16];
    private int _count;

    public int Count => _count;

    /// <summary>The slot of <paramref name="key"/>, or -1.</summary>
    public int Find(long key)
    {
        var mask = _keys.Length - 1;
        for (var i = Home(key, mask); ; i = (i + 1) & mask)
        {
            var value = _values[i];
            if (value == 0)
            {
                return -1;
            }

            if (_keys[i] == key)
            {
                return value - 1;
            }
        }
    }

    /// <summary>The slot of <paramref name="key"/>, giving it <paramref name="slot"/> when it has none yet.</summary>
    public int GetOrAdd(long key, int slot, out bool added)
    {
        var mask = _keys.Length - 1;
        for (var i = Home(key, mask); ; i = (i + 1) & mask)
        {
            var value = _values[i];
            if (value == 0)
            {
                _keys[i] = key;
                _values[i] = slot + 1;
                added = true;
                if (++_count * 2 > _keys.Length)
                {
                    Grow();
                }

                return slot;
            }

            if (_keys[i] == key)
            {
                added = false;
                return value - 1;
            }
        }
    }

    /// <summary>Every (key, slot), in no particular order.</summary>
    public IEnumerable<(long Key, int Slot)> Entries()
    {
        for (var i = 0; i < _keys.Length; i++)
        {
            if (_values[i] != 0)
            {
                yield return (_keys[i], _values[i] - 1);
            }
        }
    }

    private static int Home(long key, int mask) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 40) & mask;

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new long[keys.Length * 2];
        _values = new int[values.Length * 2];
        var mask = _keys.Length - 1;
        for (var j = 0; j < keys.Length; j++)
        {
            if (values[j] == 0)
            {
                continue;
            }

            var i = Home(keys[j], mask);
            while (_values[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _keys[i] = keys[j];
            _values[i] = values[j];
        }
    }
}
