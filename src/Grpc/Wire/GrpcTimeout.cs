using System.Globalization;

namespace Nginx502Bot.Grpc.Wire;

/// <summary>
/// The <c>grpc-timeout</c> header: a positive integer of at most 8 digits followed by a unit
/// (<c>H</c> hours, <c>M</c> minutes, <c>S</c> seconds, <c>m</c> milliseconds, <c>u</c> microseconds, <c>n</c> nanoseconds).
/// </summary>
public static class GrpcTimeout
{
    private const long MaxValue = 99_999_999;

    private static readonly (char Unit, long Nanoseconds)[] Units =
    [
        ('n', 1),
        ('u', 1_000),
        ('m', 1_000_000),
        ('S', 1_000_000_000),
        ('M', 60_000_000_000),
        ('H', 3_600_000_000_000),
    ];

    /// <summary>
    /// Encodes a timeout in the finest unit whose value fits in 8 digits, rounding up so the peer never sees a
    /// shorter timeout than ours. Non-positive timeouts encode as <c>1n</c>; huge ones are capped at 99999999H.
    /// </summary>
    public static string Encode(TimeSpan timeout)
    {
        if (timeout <= TimeSpan.Zero)
        {
            return "1n";
        }

        // TimeSpan ticks are 100 ns; compute in ticks to avoid overflowing nanoseconds for long timeouts.
        foreach (var (unit, nanoseconds) in Units)
        {
            var value = nanoseconds >= 100
                ? CeilingDivide(timeout.Ticks, nanoseconds / 100)
                : (timeout.Ticks <= MaxValue / 100 ? timeout.Ticks * 100 : long.MaxValue);
            if (value <= MaxValue)
            {
                return value.ToString(CultureInfo.InvariantCulture) + unit;
            }
        }

        return MaxValue.ToString(CultureInfo.InvariantCulture) + "H";
    }

    /// <summary>Parses a header value; false for anything outside the grammar (empty, 9+ digits, unknown unit, sign).</summary>
    public static bool TryParse(string? value, out TimeSpan timeout)
    {
        timeout = default;
        if (value is null || value.Length is < 2 or > 9)
        {
            return false;
        }

        var digits = value.AsSpan(0, value.Length - 1);
        if (!digits.ContainsOnlyDigits() || !TryUnitNanoseconds(value[^1], out var nanoseconds))
        {
            return false;
        }

        var amount = long.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        timeout = nanoseconds >= 100
            ? TimeSpan.FromTicks(amount * (nanoseconds / 100))
            : TimeSpan.FromTicks((amount + 99) / 100);
        return true;
    }

    private static long CeilingDivide(long ticks, long unitTicks) =>
        (ticks / unitTicks) + (ticks % unitTicks == 0 ? 0 : 1);

    private static bool TryUnitNanoseconds(char unit, out long nanoseconds)
    {
        foreach (var (candidate, value) in Units)
        {
            if (candidate == unit)
            {
                nanoseconds = value;
                return true;
            }
        }

        nanoseconds = 0;
        return false;
    }

    private static bool ContainsOnlyDigits(this ReadOnlySpan<char> span) =>
        !span.IsEmpty && !span.ContainsAnyExceptInRange('0', '9');
}
