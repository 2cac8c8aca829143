using System.Numerics;
using System.Runtime.InteropServices;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// A cheap multiplicative hash over characters, four at a time, for the engine's small memo tables: every user verifies
/// a hit by comparing the characters (or, for retry tracking, accepts a collision as string hashing already did), so
/// quality matters less than cost. Marvin, the default string hash, costs several times more per character.
/// </summary>
internal static class SpanHash
{
    public static int Of(ReadOnlySpan<char> chars, int seed = 0)
    {
        var h = (ulong)(uint)seed ^ ((ulong)(uint)chars.Length << 32);
        var words = MemoryMarshal.Cast<char, ulong>(chars);
        foreach (var w in words)
        {
            h = BitOperations.RotateLeft((h ^ w) * 0x9E3779B97F4A7C15UL, 29);
        }

        for (var i = words.Length * 4; i < chars.Length; i++)
        {
            h = BitOperations.RotateLeft((h ^ chars[i]) * 0x9E3779B97F4A7C15UL, 29);
        }

        h *= 0x9E3779B97F4A7C15UL;
        return (int)(h ^ (h >> 32));
    }

    /// <summary>
    /// Like <see cref="Of"/>, but a long span is hashed by its first and last 16 characters, a middle 8 and its length:
    /// for memo keys that are verified whole on a hit anyway, where hashing every character would cost as much as the
    /// comparison it guards.
    /// </summary>
    public static int Sampled(ReadOnlySpan<char> chars, int seed = 0)
    {
        if (chars.Length <= 48)
        {
            return Of(chars, seed);
        }

        var middle = (chars.Length / 2) - 4;
        return Of(chars[^16..], Of(chars.Slice(middle, 8), Of(chars[..16], seed ^ chars.Length)));
    }
}
