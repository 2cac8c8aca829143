namespace Nginx502Bot.Incidents.Bench;

/// <summary>One measured number and the target it is held against.</summary>
public sealed record BenchResult(string Name, double Value, string Unit, string Target, bool Met)
{
    public override string ToString() => $"{Name,-48} {Value,12:F1} {Unit,-10} target {Target,-12} {(Met ? "MET" : "MISSED")}";
}
