namespace Nginx502Bot.Lab.Scenarios;

public static partial class LabScenarioCatalog
{
    private static IEnumerable<LabScenarioDefinition> Balancer()
    {
        yield return new()
        {
            Name = "no_live_upstreams",
            Breaks = "an upstream block whose two members are down: the first request fails on both, the second finds none live",
            ExpectedCause = "no_live_upstreams",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Requests = 2,
            Build = _ => Upstream("lab_two_dead",
                $"server 127.0.0.1:{LabTargets.Port()} max_fails=1 fail_timeout=30s;",
                $"server 127.0.0.1:{LabTargets.Port()} max_fails=1 fail_timeout=30s;"),
        };
        yield return new()
        {
            Name = "upstream_member_down",
            Breaks = "an upstream block whose only member is marked down",
            ExpectedCause = "no_live_upstreams",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = _ => Upstream("lab_one_down", $"server 127.0.0.1:{LabTargets.Port()} down;"),
        };
    }

    private static LabLocation Upstream(string name, params string[] servers) => new()
    {
        Directives = [$"proxy_pass http://{name};"],
        Dials = name,
        HttpBlock = [$"upstream {name} {{", .. servers.Select(s => "    " + s), "}"],
    };
}
