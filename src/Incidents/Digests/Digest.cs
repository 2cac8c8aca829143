using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Digests;

/// <summary>Incidents detected in [<see cref="From"/>, <see cref="To"/>): counts, resolve times, top causes, noisiest upstreams.</summary>
public sealed record Digest
{
    public required DigestPeriod Period { get; init; }
    public required DateTimeOffset From { get; init; }
    public required DateTimeOffset To { get; init; }
    public required long IncidentCount { get; init; }
    public required long ResolvedCount { get; init; }
    public required long OpenCount { get; init; }
    public TimeSpan? MedianTimeToResolve { get; init; }
    public TimeSpan? MeanTimeToResolve { get; init; }
    public required IReadOnlyList<CountByKey> TopRootCauses { get; init; }

    /// <summary>Upstreams by 502s seen.</summary>
    public required IReadOnlyList<CountByKey> NoisiestUpstreams { get; init; }

    /// <summary>The most recent incidents of the period (capped).</summary>
    public required IReadOnlyList<Incident> Incidents { get; init; }

    public bool IsEmpty => IncidentCount == 0;
}
