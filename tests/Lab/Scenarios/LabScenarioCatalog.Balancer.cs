using Nginx502Bot.Lab.Backends;

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
        yield return RetriedAfterConnectTimeout();
    }

    /// <summary>
    /// nginx-502-messages.md Appendix A's *15: the request times out on the first member (a 504 had it been the last
    /// attempt), nginx tries the backup, which refuses, and the client gets 502 ($upstream_status "504, 502"). The backup
    /// makes the order fixed: round robin alone could pick the refusing member first.
    /// </summary>
    private static LabScenarioDefinition RetriedAfterConnectTimeout() => new()
    {
        Name = "retried_after_connect_timeout",
        Breaks = "an upstream block whose member drops SYNs (full backlog; proxy_connect_timeout 1s) and whose backup refuses",
        ExpectedCause = "upstream_down",
        ExpectedStatus = 502,
        ExpectedClientStatus = "502",
        Build = _ =>
        {
            var (silent, backup) = (LabTargets.Port(), LabTargets.Port());
            return Upstream("lab_timeout_then_refused", $"server 127.0.0.1:{silent};", $"server 127.0.0.1:{backup} backup;") with
            {
                // The decisive record is the last attempt's: it names the backup.
                Dials = $"127.0.0.1:{backup}",
                Directives = ["proxy_connect_timeout 1s;", "proxy_pass http://lab_timeout_then_refused;"],
                Backends = [new LabBackend { Mode = "backlog_full", Port = silent }],
            };
        },
    };

    private static LabLocation Upstream(string name, params string[] servers) => new()
    {
        Directives = [$"proxy_pass http://{name};"],
        Dials = name,
        HttpBlock = [$"upstream {name} {{", .. servers.Select(s => "    " + s), "}"],
    };
}
