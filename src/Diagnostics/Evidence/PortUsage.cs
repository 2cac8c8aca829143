namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>Local TCP connections toward one upstream target by state, against the ephemeral range.</summary>
public sealed record PortUsage
{
    public required string Target { get; init; }
    public int Established { get; init; }
    public int TimeWait { get; init; }
    public int Other { get; init; }
    public int RangeLow { get; init; }
    public int RangeHigh { get; init; }
    public int Total => Established + TimeWait + Other;
    public int RangeSize => RangeHigh >= RangeLow ? RangeHigh - RangeLow + 1 : 0;
}
