using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Diagnostics.Analysis;

namespace Nginx502Bot.Bot.Teams.Tests.Infrastructure;

/// <summary>
/// Two hosts serving lab.local that diagnose their own captured log with the real engine after a short delay.
/// Stands in for the agent transport's interface (the gRPC transport is tested on its own), not for a protocol peer.
/// </summary>
public sealed class LabLogAgents : IAgentDirectory, IAgentDiagnoser
{
    private static readonly IReadOnlyList<AgentInfo> Agents =
    [
        new("lab-web1", "0.1.0", DateTimeOffset.UtcNow, "ok", ["lab.local"], []),
        new("lab-web2", "0.1.0", DateTimeOffset.UtcNow, "ok", ["lab.local"], []),
    ];

    public Task<IReadOnlyList<AgentInfo>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(Agents);

    public async Task<AgentDiagnosis> DiagnoseAsync(AgentInfo agent, AgentRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(agent.Host == "lab-web1" ? 100 : 400, cancellationToken);
        var findings = DiagnosisEngine.Analyze(LabLines.Read("nothing_listening")).Findings;
        return new AgentDiagnosis(agent.Host, findings, ["/etc/nginx/sites-enabled/lab.conf:12 proxy_pass http://127.0.0.1:34493", "nothing listens on 127.0.0.1:34493"]);
    }
}
