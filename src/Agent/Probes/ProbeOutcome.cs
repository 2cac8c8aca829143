namespace Nginx502Bot.Agent.Probes;

/// <summary>What a probe reports about its own run: status, a short human message, and whether a cap cut its input.</summary>
public sealed record ProbeOutcome(ProbeStatus Status, string? Message = null, bool Truncated = false)
{
    public static ProbeOutcome Found(int count, string what, bool truncated = false) => count > 0
        ? new ProbeOutcome(ProbeStatus.Ok, $"{count} {what}", truncated)
        : new ProbeOutcome(ProbeStatus.NothingFound, $"no {what}", truncated);

    public static ProbeOutcome Skip(string why) => new(ProbeStatus.Skipped, why);
}
