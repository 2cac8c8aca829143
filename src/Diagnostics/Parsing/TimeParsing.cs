namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>Small, allocation-free parsers for the timestamp formats companion logs use.</summary>
public static class TimeParsing
{
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>The month whose English abbreviation (any case) opens <paramref name="s"/>, 1 to 12, or 0.</summary>
    public static int Month(ReadOnlySpan<char> s)
    {
        // Most callers ask about text that is no date at all: ASCII is answered from the three letters at once, and only
        // text with other characters there takes the case-insensitive comparisons (which fold some of them to ASCII).
        if (s.Length >= 3 && char.IsAscii(s[0]) && char.IsAscii(s[1]) && char.IsAscii(s[2]))
        {
            return (char.ToLowerInvariant(s[0]), char.ToLowerInvariant(s[1]), char.ToLowerInvariant(s[2])) switch
            {
                ('j', 'a', 'n') => 1, ('f', 'e', 'b') => 2, ('m', 'a', 'r') => 3, ('a', 'p', 'r') => 4,
                ('m', 'a', 'y') => 5, ('j', 'u', 'n') => 6, ('j', 'u', 'l') => 7, ('a', 'u', 'g') => 8,
                ('s', 'e', 'p') => 9, ('o', 'c', 't') => 10, ('n', 'o', 'v') => 11, ('d', 'e', 'c') => 12,
                _ => 0,
            };
        }

        for (var i = 0; i < Months.Length; i++)
        {
            if (s.StartsWith(Months[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary><c>HH:MM:SS</c> at <paramref name="at"/>.</summary>
    public static bool TryClock(ReadOnlySpan<char> s, int at, out int h, out int m, out int sec)
    {
        h = m = sec = 0;
        return at + 8 <= s.Length && s[at + 2] == ':' && s[at + 5] == ':'
            && DecimalText.Digits(s, at, 2, out h) && DecimalText.Digits(s, at + 3, 2, out m)
            && DecimalText.Digits(s, at + 6, 2, out sec) && h < 24 && m < 60 && sec < 61;
    }

    public static DateTime? Make(int y, int mo, int d, int h, int mi, int s)
    {
        if (y < 1 || y > 9999 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 23 || mi > 59)
        {
            return null;
        }

        return new DateTime(y, mo, d, h, mi, Math.Min(s, 59), DateTimeKind.Unspecified);
    }

    /// <summary>PHP-FPM and PHP: <c>21-Nov-2026 13:41:14</c>.</summary>
    public static DateTime? DayMonthYear(ReadOnlySpan<char> s)
    {
        if (s.Length < 20 || s[2] != '-' || s[6] != '-' || s[11] != ' ')
        {
            return null;
        }

        return DecimalText.Digits(s, 0, 2, out var d) && DecimalText.Digits(s, 7, 4, out var y)
            && TryClock(s, 12, out var h, out var m, out var sec)
            ? Make(y, Month(s[3..6]), d, h, m, sec)
            : null;
    }

    /// <summary>ISO-like <c>2026-11-21 13:41:14</c> or <c>2026-11-21T13:41:14</c>.</summary>
    public static DateTime? Iso(ReadOnlySpan<char> s)
    {
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != ' ' && s[10] != 'T'))
        {
            return null;
        }

        return DecimalText.Digits(s, 0, 4, out var y) && DecimalText.Digits(s, 5, 2, out var mo)
            && DecimalText.Digits(s, 8, 2, out var d) && TryClock(s, 11, out var h, out var m, out var sec)
            ? Make(y, mo, d, h, m, sec)
            : null;
    }

    /// <summary>
    /// Python's <c>%x %X</c> in the C locale, <c>09/06/23 10:36:29</c> (month, day, two-digit year): the time the rich
    /// logging handler prints by default.
    /// </summary>
    public static DateTime? MonthDayShortYear(ReadOnlySpan<char> s)
    {
        if (s.Length != 17 || s[2] != '/' || s[5] != '/' || s[8] != ' ')
        {
            return null;
        }

        return DecimalText.Digits(s, 0, 2, out var mo) && DecimalText.Digits(s, 3, 2, out var d)
            && DecimalText.Digits(s, 6, 2, out var y) && TryClock(s, 9, out var h, out var m, out var sec)
            ? Make(2000 + y, mo, d, h, m, sec)
            : null;
    }

    /// <summary>ctime-like <c>Sat Nov 21 13:41:14 2026</c> (dmesg -T, uWSGI).</summary>
    public static DateTime? CTime(ReadOnlySpan<char> s)
    {
        if (s.Length < 24 || s[3] != ' ' || s[7] != ' ')
        {
            return null;
        }

        var dayStart = s[8] == ' ' ? 9 : 8;
        var p = dayStart;
        var day = (int)DecimalText.ReadNumber(s, ref p);
        return day > 0 && p < s.Length && s[p] == ' ' && TryClock(s, p + 1, out var h, out var m, out var sec)
            && DecimalText.Digits(s, p + 10, 4, out var y)
            ? Make(y, Month(s[4..7]), day, h, m, sec)
            : null;
    }

    /// <summary>Unix epoch seconds, as in <c>audit(1700000000.123:456)</c>; read as UTC wall-clock.</summary>
    public static DateTime? Epoch(long seconds) =>
        seconds is > 0 and < 253402300799 ? DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(seconds), DateTimeKind.Unspecified) : null;
}
