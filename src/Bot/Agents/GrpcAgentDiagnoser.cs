using Nginx502Bot.Bot.Dispatch;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Bot.Agents;

/// <summary>Asks one agent to diagnose over gRPC and maps its answer (findings, probe facts with file:line) to the bot's types.</summary>
public sealed class GrpcAgentDiagnoser(AgentRegistry registry, TimeProvider time) : IAgentDiagnoser
{
    /// <summary>Used when the caller's token carries no deadline of its own.</summary>
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    public async Task<AgentDiagnosis> DiagnoseAsync(AgentInfo agent, AgentRequest request, CancellationToken cancellationToken)
    {
        var client = registry.Find(agent.Host) ?? throw new InvalidOperationException($"no agent endpoint is configured for host '{agent.Host}'");
        var target = AgentTarget.Parse(request.Target);
        var diagnose = new V1.DiagnoseRequest
        {
            ServerName = target.ServerName ?? "",
            UpstreamTarget = target.Upstream ?? "",
            ErrorLogExcerpt = request.PastedText ?? "",
        };
        var result = await client.DiagnoseAsync(diagnose, request.CorrelationId, time.GetUtcNow() + DefaultDeadline, null, cancellationToken);
        return new AgentDiagnosis(
            result.Hostname.Length > 0 ? result.Hostname : agent.Host,
            [.. result.Findings.Select(ProtoFindingMapper.ToFinding)],
            ProtoFindingMapper.ProbeFacts(result.Evidence));
    }
}
