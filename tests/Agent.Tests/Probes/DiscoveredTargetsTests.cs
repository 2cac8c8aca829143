using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;
using static Nginx502Bot.Agent.Tests.Resolution.Evidence;

namespace Nginx502Bot.Agent.Tests.Probes;

/// <summary>
/// A query naming a server or target narrows the per-target probes to the targets it is about, so a diagnosis on a
/// host with a thousand sites does not probe a thousand backends; a query that matches nothing keeps them all.
/// </summary>
public sealed class DiscoveredTargetsTests
{
    private static EvidenceBuilder Host(Diagnosis? diagnosis = null)
    {
        var b = new EvidenceBuilder();
        b.Instances.Add(Instance(
            Pass("http://127.0.0.1:8000", 10) with { ServerNames = ["app.example.com"] },
            Pass("http://backend", 20, address: "backend") with { ServerNames = ["api.example.com", "www.api.example.com"] },
            Pass("http://127.0.0.1:9000", 30) with { ServerNames = ["other.example.com"] },
            Pass("unix:/run/php/fpm.sock", 40, "fastcgi_pass", "fastcgi", "unix:/run/php/fpm.sock") with { ServerNames = ["php.example.com"] })
            with
            {
                Upstreams = [new UpstreamBlock { Name = "backend", Members = [Member("127.0.0.1:8100"), Member("[::1]:8101")], Location = new("/etc/nginx/conf.d/api.conf", 1) }],
            });
        b.PhpFpmPools.Add(new PhpFpmPool { Name = "www", Listen = "/run/php/fpm.sock", Location = new("/etc/php/8.2/fpm/pool.d/www.conf", 1) });
        if (diagnosis is not null) { b.SetDiagnosis(diagnosis); }
        return b;
    }

    [Fact]
    public void ServerName_KeepsOnlyItsPassesTargets()
    {
        var scoped = DiscoveredTargets.InScope(Host(), new DiagnoseQuery { ServerName = "APP.example.com" });

        Assert.Equal(["127.0.0.1:8000"], scoped.Select(t => t.Address));
    }

    [Fact]
    public void ServerNameOfAnUpstreamPass_KeepsEveryMember()
    {
        var scoped = DiscoveredTargets.InScope(Host(), new DiagnoseQuery { ServerName = "www.api.example.com" });

        Assert.Equal(["127.0.0.1:8100", "[::1]:8101"], scoped.Select(t => t.Address));
    }

    [Fact]
    public void UpstreamTargetNamingOneMember_KeepsItsWholeUpstream()
    {
        var scoped = DiscoveredTargets.InScope(Host(), new DiagnoseQuery { UpstreamTarget = "127.0.0.1:8100" });

        Assert.Equal(["127.0.0.1:8100", "[::1]:8101"], scoped.Select(t => t.Address));
    }

    [Fact]
    public void UnixTarget_KeepsThePassAndThePoolListeningThere()
    {
        var scoped = DiscoveredTargets.InScope(Host(), new DiagnoseQuery { UpstreamTarget = "unix:/run/php/fpm.sock" });

        Assert.Equal(["/run/php/fpm.sock"], DiscoveredTargets.Unix(scoped));
        Assert.Empty(DiscoveredTargets.Tcp(scoped));
    }

    [Fact]
    public void FindingWithoutServerInTheWindow_AddsItsTarget()
    {
        var log = "2026/03/01 10:00:00 [error] 12#12: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: , request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:9000/\", host: \"x\"\n";
        var scoped = DiscoveredTargets.InScope(Host(DiagnosisEngine.Analyze(log)), new DiagnoseQuery { ServerName = "app.example.com" });

        Assert.Equal(["127.0.0.1:8000", "127.0.0.1:9000"], scoped.Select(t => t.Address).Order());
    }

    [Fact]
    public void UnknownServerName_KeepsEveryTarget()
    {
        var b = Host();

        Assert.Equal(DiscoveredTargets.All(b), DiscoveredTargets.InScope(b, new DiagnoseQuery { ServerName = "nowhere.example.com" }));
    }

    [Fact]
    public void WholeHostQuery_KeepsEveryTarget()
    {
        var b = Host();

        Assert.Equal(6, DiscoveredTargets.InScope(b, new DiagnoseQuery()).Count);
    }

    private static UpstreamMember Member(string address) => new() { Address = address, Location = new("/etc/nginx/conf.d/api.conf", 2) };
}
