namespace Nginx502Bot.Bot.Dispatch;

/// <summary>Used until an agent transport is registered: no agent reports, so answers rest on pasted lines alone.</summary>
public sealed class EmptyAgentDirectory : IAgentDirectory
{
    public Task<IReadOnlyList<AgentInfo>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AgentInfo>>([]);
}
