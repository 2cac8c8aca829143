using System.Globalization;

namespace Nginx502Bot.Bot.Slack;

/// <summary>Slack's message and action times (<c>"1700000000.000100"</c>, seconds since the epoch) as UTC times.</summary>
public static class SlackTimestamps
{
    public static DateTimeOffset? Parse(string? ts) =>
        decimal.TryParse(ts, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000m))
            : null;
}
