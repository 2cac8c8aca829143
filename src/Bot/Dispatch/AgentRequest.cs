namespace Nginx502Bot.Bot.Dispatch;

/// <summary>What to ask an agent.</summary>
/// <param name="Target">A URL, host, server_name or upstream to check; null when only pasted lines drive it.</param>
/// <param name="PastedText">Lines the user pasted, so the agent correlates them with its own logs and probes.</param>
/// <param name="CorrelationId">Carried to the agent and its logs.</param>
public sealed record AgentRequest(string? Target, string? PastedText, string CorrelationId);
