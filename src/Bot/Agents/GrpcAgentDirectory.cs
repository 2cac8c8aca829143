using Microsoft.Extensions.Options;
using Nginx502Bot.Bot.Dispatch;
using V1 = Nginx502Bot.Agent.Contract.V1;

namespace Nginx502Bot.Bot.Agents;

/// <summary>
/// The agents that report: each configured endpoint is asked for Health and GetInventory (concurrently, with deadlines);
/// answers are reused for <see cref="AgentsOptions.InventoryMaxAge"/>. An agent that does not answer is listed as down
/// with the inventory it last reported.
/// </summary>
public sealed class GrpcAgentDirectory(AgentRegistry registry, IOptions<AgentsOptions> options, TimeProvider time, ILogger<GrpcAgentDirectory> logger)
    : IAgentDirectory, IDisposable
{
    private readonly Dictionary<AgentClient, AgentInfo> _known = [];
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private DateTimeOffset _refreshedAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyList<AgentInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (time.GetUtcNow() - _refreshedAt > options.Value.InventoryMaxAge)
            {
                var infos = await Task.WhenAll(registry.Clients.Select(c => AskAsync(c, cancellationToken)));
                foreach (var (client, info) in registry.Clients.Zip(infos))
                {
                    _known[client] = info;
                }

                _refreshedAt = time.GetUtcNow();
            }

            return [.. registry.Clients.Select(c => _known[c])];
        }
        finally
        {
            _refresh.Release();
        }
    }

    private async Task<AgentInfo> AskAsync(AgentClient client, CancellationToken ct)
    {
        var correlation = "inventory-" + Guid.NewGuid().ToString("N")[..12];
        try
        {
            var timeout = options.Value.InventoryTimeout;
            var health = client.HealthAsync(correlation, timeout, ct);
            var inventory = client.InventoryAsync(correlation, timeout, ct);
            await Task.WhenAll(health, inventory);
            var inv = inventory.Result;
            var host = registry.Learn(inv.Hostname, client);
            return new AgentInfo(
                host,
                inv.AgentVersion,
                time.GetUtcNow(),
                health.Result.Status == V1.ServingStatus.Serving ? "ok" : "degraded",
                [.. inv.NginxInstances.SelectMany(n => n.ServerBlocks).SelectMany(b => b.ServerNames).Distinct(StringComparer.OrdinalIgnoreCase)],
                [.. inv.NginxInstances.SelectMany(n => n.PassTargets.Select(p => p.Address).Concat(n.Upstreams.SelectMany(u => u.Members.Select(m => m.Address).Append(u.Name))))
                    .Distinct(StringComparer.Ordinal)]);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("agent {Agent} at {Address} did not answer: {Error}", client.Endpoint.Name, client.Endpoint.Address, e.Message);
            var previous = _known.GetValueOrDefault(client);
            return previous is null
                ? new AgentInfo(client.Endpoint.Name, "?", null, "down", [], [])
                : previous with { Health = "down" };
        }
    }

    public void Dispose() => _refresh.Dispose();
}
