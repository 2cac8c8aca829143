namespace Nginx502Bot.Bot.Dispatch;

/// <summary>The agents that report to this bot. Implemented by the agent transport (gRPC) or the incidents store.</summary>
public interface IAgentDirectory
{
    Task<IReadOnlyList<AgentInfo>> ListAsync(CancellationToken cancellationToken);
}
