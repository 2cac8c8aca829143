using Nginx502Bot.Lab.Backends;

namespace Nginx502Bot.Lab.Scenarios;

public static partial class LabScenarioCatalog
{
    private static IEnumerable<LabScenarioDefinition> Resolution()
    {
        yield return new()
        {
            Name = "resolver_unreachable",
            Breaks = "proxy_pass http://$name with a resolver on a loopback UDP port where nothing answers",
            ExpectedCause = "dns_resolution",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = _ => Resolve("backend.lab.test", LabTargets.Port(), answering: false),
        };
        yield return new()
        {
            Name = "name_not_found",
            Breaks = "proxy_pass http://$name for a name the resolver answers NXDOMAIN for",
            ExpectedCause = "dns_resolution",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = _ => Resolve("missing.lab.test", LabTargets.Port(), answering: true),
        };
        yield return new()
        {
            Name = "no_resolver",
            Breaks = "proxy_pass http://$name with no resolver directive",
            ExpectedCause = "no_resolver",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = _ => new LabLocation
            {
                Directives = ["set $lab_backend backend.lab.test;", "proxy_pass http://$lab_backend;"],
                Dials = "backend.lab.test",
            },
        };
    }

    private static LabLocation Resolve(string name, int dnsPort, bool answering) => new()
    {
        Directives =
        [
            $"resolver 127.0.0.1:{dnsPort} ipv6=off;",
            "resolver_timeout 1s;",
            $"set $lab_backend {name};",
            "proxy_pass http://$lab_backend;",
        ],
        Dials = name,
        Backends = answering ? [new LabBackend { Mode = "dns_nxdomain", Port = dnsPort }] : [],
    };
}
