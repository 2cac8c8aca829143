using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Service;

/// <summary>One diagnosis: what each probe did, the evidence, and each finding with its root cause.</summary>
public sealed record DiagnosisReport
{
    public required string AgentVersion { get; init; }
    public required string Hostname { get; init; }
    public required DateTimeOffset FinishedAt { get; init; }
    public required IReadOnlyList<ProbeRecord> Probes { get; init; }
    public required HostEvidence Evidence { get; init; }
    public required IReadOnlyList<ResolvedFinding> Findings { get; init; }
}
