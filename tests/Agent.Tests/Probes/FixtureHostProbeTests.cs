using Nginx502Bot.Agent.Tests.Support;
using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Agent.Tests.Probes;

/// <summary>Every probe through the real composition root, on the committed fake host (Fixtures/host), no network, no exec.</summary>
public sealed class FixtureHostProbeTests
{
    private static async Task<(Agent.Service.DiagnosisReport Report, HostEvidence Evidence)> RunAsync()
    {
        await using var services = AgentHarness.Build(FixturePaths.Host);
        var report = await AgentHarness.DiagnoseAsync(services);
        return (report, report.Evidence);
    }

    [Fact]
    public async Task Discovery_FindsTheMasterItsConfigAndWorkerUser()
    {
        var (_, e) = await RunAsync();

        var nginx = Assert.Single(e.Instances);
        Assert.Equal(100, nginx.Pid);
        Assert.Equal("/usr/sbin/nginx", nginx.Binary);
        Assert.Equal("/etc/nginx/nginx.conf", nginx.ConfigPath);
        Assert.Equal("www-data", nginx.WorkerUser);
        Assert.Equal(["www-data", "web"], e.Users["www-data"].Groups);
    }

    [Fact]
    public async Task Config_FollowsGlobIncludesAndKeepsFileLine()
    {
        var (_, e) = await RunAsync();
        var nginx = e.Instances[0];

        Assert.Equal(
            ["/etc/nginx/conf.d/app.conf:11", "/etc/nginx/conf.d/app.conf:15", "/etc/nginx/conf.d/node.conf:5", "/etc/nginx/conf.d/php.conf:8"],
            nginx.Passes.Select(p => p.Location.ToString()));
        Assert.DoesNotContain(nginx.ServerBlocks, s => s.Location.File.EndsWith(".bak", StringComparison.Ordinal));
        Assert.Equal("16", nginx.Upstreams.Single().Keepalive?.Value);
        Assert.Equal(["/var/log/nginx/error.log"], nginx.ErrorLogs);
        Assert.Empty(nginx.ConfigErrors);
    }

    [Fact]
    public async Task Listeners_AreMappedToTheirProcessesThroughFdLinks()
    {
        var (_, e) = await RunAsync();

        Assert.Contains(e.Listeners, l => l.Endpoint == "127.0.0.1:8001" && l.Process == "gunicorn" && l.Pid == 200);
        Assert.Contains(e.Listeners, l => l.Endpoint == "[::1]:9000" && l.Process == "node" && l.Family == SocketFamily.IPv6);
        Assert.Contains(e.Listeners, l => l.Endpoint == "0.0.0.0:80" && l.Process == "nginx");
        Assert.Contains(e.Listeners, l => l.Endpoint == "unix:/run/php/php8.2-fpm.sock" && l.Process == "php-fpm8.2");
        Assert.DoesNotContain(e.Listeners, l => l.Path == "@/tmp/abstract");
    }

    [Fact]
    public async Task PhpFpm_PoolAndLogEventsInTheWindow()
    {
        var (_, e) = await RunAsync();

        var pool = Assert.Single(e.PhpFpmPools);
        Assert.Equal("unix:/run/php/php8.2-fpm.sock", pool.ListenTarget);
        Assert.Equal(5, pool.MaxChildren);
        Assert.Equal("/etc/php/8.2/fpm/pool.d/www.conf:10", pool.MaxChildrenLocation?.ToString());
        Assert.Contains(e.Events, v => v.Cause == Causes.FpmPoolExhausted && v.Subject == "www" && v.Location?.Line == 2);
        Assert.Contains(e.Events, v => v.Cause == Causes.AppCrash && v.Probe == ProbeNames.PhpFpmLog);
    }

    [Fact]
    public async Task KernelLog_OomAndSegfaultInsideTheWindowOnly()
    {
        await using var services = AgentHarness.Build(FixturePaths.Host);
        var narrow = await AgentHarness.DiagnoseAsync(services, new() { WindowStart = new DateTime(2026, 3, 1, 10, 0, 0), WindowEnd = new DateTime(2026, 3, 1, 10, 0, 3) });

        var kernel = narrow.Evidence.Events.Where(v => v.Probe == ProbeNames.KernelLog).ToArray();
        var oom = Assert.Single(kernel);
        Assert.Equal(Causes.OomKilled, oom.Cause);
        Assert.Equal("gunicorn", oom.Subject);
        Assert.Equal(new DateTime(2026, 3, 1, 10, 0, 2), oom.Time);
    }

    [Fact]
    public async Task Selinux_ModeBooleanAndNginxAvc()
    {
        var (_, e) = await RunAsync();

        Assert.Equal(SelinuxMode.Enforcing, e.Selinux?.Mode);
        Assert.False(e.Selinux!.Booleans["httpd_can_network_connect"]);
        Assert.Contains(e.Events, v => v.Cause == Causes.SelinuxDenied && v.Subject == "nginx");
    }

    [Fact]
    public async Task FdLimitsAndPortUse_AreCounted()
    {
        var (_, e) = await RunAsync();

        Assert.Contains(e.Limits, l => l.Pid == 101 && l.MaxOpenFiles == 1024 && l.OpenFiles == 3);
        var toGunicorn = e.PortUsage.Single(u => u.Target == "127.0.0.1:8001");
        Assert.Equal((1, 2), (toGunicorn.Established, toGunicorn.TimeWait));
        Assert.Equal(28232, toGunicorn.RangeSize);
    }

    [Fact]
    public async Task Runner_RecordsEveryProbeAndSkipsWhatDoesNotApply()
    {
        var (report, _) = await RunAsync();

        Assert.Equal(14, report.Probes.Count);
        Assert.Equal(Agent.Probes.ProbeStatus.Skipped, report.Probes.Single(p => p.Name == ProbeNames.DirectProbe).Status);
        Assert.All(report.Probes.Where(p => p.Name != ProbeNames.ErrorLog), p => Assert.NotEqual(Agent.Probes.ProbeStatus.Failed, p.Status));
    }

    [Fact]
    public async Task UnixSocketProbe_ReportsAbsentSocketWithoutThrowing()
    {
        var (_, e) = await RunAsync();

        var socket = Assert.Single(e.UnixSockets);
        Assert.Equal("/run/php/php8.2-fpm.sock", socket.Path);
        Assert.False(socket.Exists);
        Assert.True(socket.Listening);
    }

    [Fact]
    public async Task ErrorLogFindings_AreResolvedWithTheHostEvidence()
    {
        var (report, _) = await RunAsync();

        var refused = report.Findings.Single(f => f.Finding.Target == "127.0.0.1:8000").Finding;
        var cut = report.Findings.Single(f => f.Finding.Target == "127.0.0.1:8001").Finding;

        // The fixture's audit log holds an nginx AVC for dest=8000 while SELinux enforces; gunicorn was OOM-killed at 10:00:02.
        Assert.Equal((Causes.UpstreamDown, RootCauses.SelinuxDenied), (refused.Cause, refused.RootCause));
        Assert.Equal((Causes.PrematureClose, RootCauses.OomKilled), (cut.Cause, cut.RootCause));
        Assert.Contains(cut.Facts, f => f.Contains("/var/log/kern.log:2", StringComparison.Ordinal));
    }
}
