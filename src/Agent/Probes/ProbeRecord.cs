namespace Nginx502Bot.Agent.Probes;

/// <summary>The runner's bookkeeping for one probe run.</summary>
public sealed record ProbeRecord(string Name, ProbeStatus Status, long DurationMs, string? Message, bool Truncated);
