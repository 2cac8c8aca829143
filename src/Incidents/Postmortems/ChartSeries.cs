namespace Nginx502Bot.Incidents.Postmortems;

/// <summary>Buckets 502 log timestamps into at most <see cref="MaxBuckets"/> equal intervals for the chart.</summary>
public static class ChartSeries
{
    public const int MaxBuckets = 60;

    private static readonly TimeSpan[] Widths =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5),
        TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromDays(1),
    ];

    public static IReadOnlyList<ChartBucket> Build(IReadOnlyList<DateTimeOffset> times)
    {
        if (times.Count == 0)
        {
            return [];
        }

        var first = times.Min();
        var last = times.Max();
        var width = Widths.FirstOrDefault(w => (last - first).Ticks / w.Ticks < MaxBuckets, Widths[^1]);
        var start = new DateTimeOffset(first.UtcTicks - (first.UtcTicks % width.Ticks), TimeSpan.Zero);
        var count = (int)Math.Min(MaxBuckets, ((last - start).Ticks / width.Ticks) + 1);
        var counts = new int[count];
        foreach (var t in times)
        {
            counts[Math.Min(count - 1, (int)((t - start).Ticks / width.Ticks))]++;
        }

        return [.. counts.Select((c, i) => new ChartBucket(start + (width * i), c))];
    }
}
