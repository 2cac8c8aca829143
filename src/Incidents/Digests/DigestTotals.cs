namespace Nginx502Bot.Incidents.Digests;

/// <summary>The aggregate row of the digest query.</summary>
internal sealed class DigestTotals
{
    public long Total { get; set; }
    public long Resolved { get; set; }
    public long Live { get; set; }
    public double? MedianSeconds { get; set; }
    public double? MeanSeconds { get; set; }
}
