using Microsoft.Extensions.Options;
using Nginx502Bot.Bot.Agents;

namespace Nginx502Bot.Bot.Tests.Agents;

public class AgentRegistryTests
{
    private static AgentRegistry Registry() => new(Options.Create(new AgentsOptions
    {
        Endpoints =
        [
            new AgentEndpoint { Name = "a", Address = "http://127.0.0.1:50051", Token = "t" },
            new AgentEndpoint { Name = "b", Address = "http://127.0.0.1:50052", Token = "t" },
        ],
    }), TimeProvider.System);

    /// <summary>Regression (bench/bot.sh): agents reporting one host name collapsed into one, which then got every call.</summary>
    [Fact]
    public void TwoAgentsReportingOneHostName_KeepTheirOwnIdentity()
    {
        using var registry = Registry();
        var (a, b) = (registry.Clients[0], registry.Clients[1]);

        var first = registry.Learn("web01", a);
        var second = registry.Learn("web01", b);

        Assert.Equal("web01", first);
        Assert.Equal("web01 (b)", second);
        Assert.Same(a, registry.Find("web01"));
        Assert.Same(b, registry.Find("web01 (b)"));
        Assert.Equal("web01", registry.Learn("web01", a));
        Assert.Equal("web01 (b)", registry.Learn("web01", b));
    }

    [Fact]
    public void AgentReportingNoHostName_IsKnownByItsEndpointName()
    {
        using var registry = Registry();
        Assert.Equal("a", registry.Learn("", registry.Clients[0]));
        Assert.Same(registry.Clients[0], registry.Find("a"));
    }
}
