namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Unsigned decimal numbers read in place from text, without allocating.
/// </summary>
internal static class DecimalText
{
    internal static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    /// <summary>A number read as a process id: the number when one can be (1 to <c>int.MaxValue - 1</c>), else -1.</summary>
    internal static int Pid(long value) => value is > 0 and < int.MaxValue ? (int)value : -1;

    internal static long ReadNumber(ReadOnlySpan<char> s, ref int p)
    {
        // At most 18 digits: no overflow. One bound and one unsigned digit test per character.
        var start = p;
        var limit = Math.Min(s.Length, start + 18);
        long value = 0;
        while (p < limit)
        {
            var digit = (uint)(s[p] - '0');
            if (digit > 9)
            {
                break;
            }

            value = (value * 10) + digit;
            p++;
        }

        return p == start ? -1 : value;
    }
}
