namespace Nginx502Bot.Incidents.Postmortems;

/// <summary>502 records seen in [<see cref="Start"/>, Start + width).</summary>
public sealed record ChartBucket(DateTimeOffset Start, int Count);
