namespace Nginx502Bot.Bot.Dispatch;

/// <summary>One host in a fan-out: its state, its answer when it gave one, the error text when it did not.</summary>
public sealed record HostOutcome(string Host, HostOutcomeKind Kind, AgentDiagnosis? Diagnosis, string? Error, TimeSpan Elapsed);
