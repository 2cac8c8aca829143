namespace Nginx502Bot.Bot.Dispatch;

/// <summary>Used until an agent transport is registered; every call fails and the answer says so.</summary>
public sealed class UnavailableAgentDiagnoser : IAgentDiagnoser
{
    public Task<AgentDiagnosis> DiagnoseAsync(AgentInfo agent, AgentRequest request, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("no agent transport is configured");
}
