namespace Nginx502Bot.Agent.Probes.Direct;

/// <summary>What one identification step saw: the protocol (null when the peer said nothing) and HTTP details.</summary>
public sealed record StepResult(string? Speaks, int? HttpStatus = null, int? HeaderBytes = null, string? Detail = null);
