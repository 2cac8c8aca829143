using Nginx502Bot.Bot.Dispatch;

namespace Nginx502Bot.Bot.Tests.Dispatch;

public class AgentSelectorTests
{
    private static readonly AgentInfo Web1 = new("web1", "1.0", null, "ok", ["shop.example.com", "*.shop.example.com"], ["backend", "127.0.0.1:8000"]);
    private static readonly AgentInfo Web2 = new("web2", "1.0", null, "ok", [".blog.example.com"], ["unix:/run/php/php8.2-fpm.sock"]);
    private static readonly AgentInfo Db1 = new("db1", "1.0", null, "ok", [], []);
    private static readonly IReadOnlyList<AgentInfo> All = [Web1, Web2, Db1];

    private static string[] Hosts(AgentSelection selection) => [.. AgentSelector.Select(All, selection).Select(a => a.Host)];

    [Fact]
    public void Url_MatchesServerName() => Assert.Equal(["web1"], Hosts(AgentSelection.ForTarget("https://shop.example.com/cart?x=1")));

    [Fact]
    public void WildcardServerName_MatchesSubdomain() => Assert.Equal(["web1"], Hosts(AgentSelection.ForTarget("api.shop.example.com")));

    [Fact]
    public void DotServerName_MatchesBareDomain() => Assert.Equal(["web2"], Hosts(AgentSelection.ForTarget("blog.example.com")));

    [Fact]
    public void HostName_MatchesAgent() => Assert.Equal(["db1"], Hosts(AgentSelection.ForTarget("DB1")));

    [Fact]
    public void Upstream_MatchesAgentInventory() => Assert.Equal(["web1"], Hosts(AgentSelection.ForTarget("backend")));

    [Fact]
    public void PastedServersAndUpstreams_MatchSeveralAgents() =>
        Assert.Equal(["web1", "web2"], Hosts(new AgentSelection([], null, ["shop.example.com"], ["unix:/run/php/php8.2-fpm.sock"])));

    [Fact]
    public void ExplicitList_WinsOverTarget() => Assert.Equal(["db1"], Hosts(new AgentSelection(["db1"], "shop.example.com", [], [])));

    [Fact]
    public void UnknownName_MatchesNothing() => Assert.Empty(Hosts(AgentSelection.ForTarget("nowhere.example.org")));
}
