using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Bot.Dispatch;

/// <summary>One agent's answer: the findings from its logs and probes, and the probe facts (with file:line) behind them.</summary>
public sealed record AgentDiagnosis(string Host, IReadOnlyList<Finding> Findings, IReadOnlyList<string> ProbeFacts);
