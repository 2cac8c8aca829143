using Nginx502Bot.Agent.Probes.Parsing;
using Nginx502Bot.Agent.Tests.Support;

namespace Nginx502Bot.Agent.Tests.Probes;

/// <summary>
/// Pools configured outside /etc/php are found from the running php-fpm master's own configuration file, named on
/// its command line (or in the title it renames itself to).
/// </summary>
public sealed class PhpFpmMasterDiscoveryTests
{
    [Theory]
    [InlineData("php-fpm: master process (/opt/app/php-fpm.conf)", "/opt/app/php-fpm.conf")]
    [InlineData("/usr/sbin/php-fpm8.2 -n -F -y /srv/fpm.conf -p /srv", "/srv/fpm.conf")]
    [InlineData("/usr/sbin/php-fpm8.2 --fpm-config=/srv/a.conf", "/srv/a.conf")]
    [InlineData("/usr/sbin/php-fpm8.2 --fpm-config /srv/b.conf", "/srv/b.conf")]
    [InlineData("/usr/sbin/php-fpm8.2 -y/srv/c.conf", "/srv/c.conf")]
    [InlineData("php-fpm: pool www", null)]
    [InlineData("/usr/sbin/php-fpm8.2 -y relative.conf", null)]
    [InlineData("/usr/bin/python3 -y /srv/fpm.conf", null)]
    public void ConfigPath_FromTheMastersCommandLine(string commandLine, string? expected) =>
        Assert.Equal(expected, PhpFpmCommandLine.ConfigPath(commandLine));

    [Fact]
    public void Includes_AreTheIncludeValues()
    {
        var text = "[global]\npid = /run/fpm.pid\ninclude=/etc/app/fpm.d/*.conf\n; include=/nope/*.conf\ninclude_path = x\n";

        Assert.Equal(["/etc/app/fpm.d/*.conf"], PhpFpmConfigParser.Includes(text));
    }

    [Fact]
    public async Task RunningMasterWithItsOwnConfig_PoolAndItsSocketAreFound()
    {
        using var fpm = await PhpFpmProcess.StartAsync(unixSocket: true);
        await using var services = AgentHarness.Build("/", extra: new Dictionary<string, string?> { ["Agent:PhpFpmFromProcesses"] = "true" });

        var report = await AgentHarness.DiagnoseAsync(services);

        var pool = Assert.Single(report.Evidence.PhpFpmPools, p => p.Listen == fpm.Listen);
        Assert.Equal(("test", 1, Path.Combine(fpm.Directory, "fpm.conf")), (pool.Name, pool.MaxChildren, pool.Location.File));
        Assert.Contains(report.Evidence.UnixSockets, s => s.Path == fpm.Listen && s.Exists);
    }

    [Fact]
    public async Task RunningMasterWithItsOwnConfig_IsIgnoredByDefault()
    {
        using var fpm = await PhpFpmProcess.StartAsync(unixSocket: true);
        await using var services = AgentHarness.Build("/");

        var report = await AgentHarness.DiagnoseAsync(services);

        Assert.DoesNotContain(report.Evidence.PhpFpmPools, p => p.Listen == fpm.Listen);
    }
}
