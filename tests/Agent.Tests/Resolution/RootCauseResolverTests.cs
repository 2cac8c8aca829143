using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Resolution;
using Nginx502Bot.Diagnostics.Vocabulary;
using static Nginx502Bot.Agent.Tests.Resolution.Evidence;

namespace Nginx502Bot.Agent.Tests.Resolution;

public sealed class RootCauseResolverTests
{
    private const string Reload = "nginx -t && systemctl reload nginx";

    [Fact]
    public void WrongPort_NamesWhereTheServiceListensAndTheExactEdit()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://127.0.0.1:8000", 12))],
            Listeners = [Tcp("127.0.0.1", 8001, "gunicorn", 200), Tcp("0.0.0.0", 80, "nginx", 100)],
            DirectProbes = [Refused("127.0.0.1:8000"), Speaks("127.0.0.1:8001", "http", 200)],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:8000"), evidence);

        Assert.Equal(RootCauses.WrongTarget, r.RootCause);
        Assert.Equal(Confidence.High, r.Confidence);
        Assert.Equal($"In {AppConf}:12 change `proxy_pass http://127.0.0.1:8000` to `proxy_pass http://127.0.0.1:8001`, then `{Reload}`", Assert.Single(r.Remediation));
        Assert.Contains(r.Facts, f => f.Text.Contains("127.0.0.1:8001 is listening (gunicorn, pid 200)", StringComparison.Ordinal) && f.Probe == ProbeNames.Listeners);
        Assert.Contains(r.Facts, f => f.Location?.ToString() == $"{AppConf}:12");
    }

    [Fact]
    public void Ipv6OnlyBind_IsWrongTargetNamingTheFamily()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://127.0.0.1:9000", 4))],
            Listeners = [Tcp("::1", 9000, "node", 400, SocketFamily.IPv6)],
            DirectProbes = [Refused("127.0.0.1:9000")],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:9000"), evidence);

        Assert.Equal(RootCauses.WrongTarget, r.RootCause);
        Assert.Contains("IPv6 only ([::1]:9000)", r.Summary, StringComparison.Ordinal);
        Assert.Equal($"In {AppConf}:4 change `proxy_pass http://127.0.0.1:9000` to `proxy_pass http://[::1]:9000`, then `{Reload}`", r.Remediation[0]);
    }

    [Fact]
    public void DualStackWildcardBind_IsNotAWrongTarget()
    {
        // "::" without V6ONLY accepts 127.0.0.1; with no refused probe the evidence says something listens.
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://127.0.0.1:9000", 4))],
            Listeners = [Tcp("::", 9000, "node", 400, SocketFamily.IPv6)],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:9000"), evidence);

        Assert.Null(r.Rule);
        Assert.Equal(Causes.UpstreamDown, r.RootCause);
    }

    [Fact]
    public void SeveralEquallyLikelyListeners_StayUpstreamDownWithCandidatesAsLikelyCauses()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://127.0.0.1:8000", 12))],
            Listeners = [Tcp("127.0.0.1", 8001, "gunicorn", 200), Tcp("127.0.0.1", 7999, "uvicorn", 201)],
            DirectProbes = [Refused("127.0.0.1:8000"), Speaks("127.0.0.1:8001", "http"), Speaks("127.0.0.1:7999", "http")],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:8000"), evidence);

        Assert.Equal(RootCauses.UpstreamDown, r.RootCause);
        Assert.Equal(2, r.LikelyCauses.Count);
    }

    [Fact]
    public void EquallyLikelyListeners_StrictlyNearestPortIsNamedAtMediumConfidence()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://127.0.0.1:8000", 12))],
            Listeners = [Tcp("127.0.0.1", 8001, "gunicorn", 200), Tcp("127.0.0.1", 8005, "uvicorn", 201)],
            DirectProbes = [Refused("127.0.0.1:8000"), Speaks("127.0.0.1:8001", "http"), Speaks("127.0.0.1:8005", "http")],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:8000"), evidence);

        Assert.Equal(RootCauses.WrongTarget, r.RootCause);
        Assert.Equal(Confidence.Medium, r.Confidence);
        Assert.Contains("127.0.0.1:8001", r.Remediation[0], StringComparison.Ordinal);
    }

    [Fact]
    public void NothingListensAndUnitFailed_IsUpstreamDownWithStartCommand()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://127.0.0.1:8000", 12))],
            Listeners = [Tcp("0.0.0.0", 80, "nginx", 100)],
            DirectProbes = [Refused("127.0.0.1:8000")],
            Services = [new ServiceState { Name = "gunicorn.service", ActiveState = "failed", SubState = "failed", Result = "exit-code", Restarts = 5, Source = "systemd" }],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:8000"), evidence);

        Assert.Equal(RootCauses.UpstreamDown, r.RootCause);
        Assert.Equal(Confidence.High, r.Confidence);
        Assert.Contains("systemctl start gunicorn.service", r.Remediation);
    }

    [Fact]
    public void SocketModeExcludesWorker_IsUnixSocketPermissionNamingOwnerModeAndPoolLine()
    {
        var pool = new PhpFpmPool
        {
            Name = "www", Location = new("/etc/php/8.2/fpm/pool.d/www.conf", 2), Listen = "/run/php/php8.2-fpm.sock",
            ListenModeLocation = new("/etc/php/8.2/fpm/pool.d/www.conf", 8), ListenMode = "0660",
        };
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("unix:/run/php/php8.2-fpm.sock", 8, "fastcgi_pass", "fastcgi", "unix:/run/php/php8.2-fpm.sock"))],
            UnixSockets = [new UnixSocketInfo { Path = "/run/php/php8.2-fpm.sock", Exists = true, IsSocket = true, Uid = 0, Gid = 0, Owner = "root", Group = "root", Mode = 0x1B0, Listening = true }],
            Users = new Dictionary<string, UserIdentity> { ["www-data"] = new() { Name = "www-data", Uid = 33, Gid = 33, Groups = ["www-data"], GroupIds = [33] } },
            PhpFpmPools = [pool],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UnixSocketPermission, "unix:/run/php/php8.2-fpm.sock", "fastcgi"), evidence);

        Assert.Equal(RootCauses.UnixSocketPermission, r.RootCause);
        Assert.Contains("root:root 0660", r.Summary, StringComparison.Ordinal);
        Assert.Contains("www-data", r.Summary, StringComparison.Ordinal);
        Assert.StartsWith("In /etc/php/8.2/fpm/pool.d/www.conf:8 set `listen.owner = www-data`", r.Remediation[0], StringComparison.Ordinal);
    }

    [Fact]
    public void SocketWorldWritable_IsNotBlamedOnPermissions()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance()],
            UnixSockets = [new UnixSocketInfo { Path = "/run/app.sock", Exists = true, IsSocket = true, Uid = 0, Gid = 0, Owner = "root", Group = "root", Mode = 0x1B6 }],
            Users = new Dictionary<string, UserIdentity> { ["www-data"] = new() { Name = "www-data", Uid = 33, Gid = 33, Groups = ["www-data"], GroupIds = [33] } },
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UnixSocketPermission, "unix:/run/app.sock"), evidence);

        Assert.Null(r.Rule);
    }

    [Fact]
    public void KeepaliveWithoutHttp11AndConnectionHeader_IsStaleKeepaliveNamingBothDirectives()
    {
        var upstream = new UpstreamBlock
        {
            Name = "api_backend", Location = new(AppConf, 1),
            Members = [new UpstreamMember { Address = "127.0.0.1:8001", Location = new(AppConf, 2) }],
            Keepalive = new DirectiveValue("16", new(AppConf, 3)),
        };
        var pass = Pass("http://api_backend", 14, address: "api_backend");
        var evidence = new HostEvidence { Instances = [Instance(pass) with { Upstreams = [upstream] }] };

        var r = RootCauseResolver.Resolve(Finding(Causes.PrematureClose, "127.0.0.1:8001"), evidence);

        Assert.Equal(RootCauses.StaleKeepalive, r.RootCause);
        Assert.Equal(Confidence.High, r.Confidence);
        Assert.Contains($"In {AppConf} add `proxy_http_version 1.1;` in the block of line 14, then `{Reload}`", r.Remediation);
        Assert.Contains($"In {AppConf} add `proxy_set_header Connection \"\";` in the block of line 14, then `{Reload}`", r.Remediation);
        Assert.Contains(r.Facts, f => f.Location?.ToString() == $"{AppConf}:3" && f.Text.Contains("keepalive 16", StringComparison.Ordinal));
    }

    [Fact]
    public void KeepaliveWithBothDirectives_SuspectsTheBackendIdleTimeoutAtMediumConfidence()
    {
        var upstream = new UpstreamBlock
        {
            Name = "api_backend", Location = new(AppConf, 1),
            Members = [new UpstreamMember { Address = "127.0.0.1:8001", Location = new(AppConf, 2) }],
            Keepalive = new DirectiveValue("16", new(AppConf, 3)),
        };
        var pass = Pass("http://api_backend", 14, address: "api_backend") with
        {
            ProxyHttpVersion = new DirectiveValue("1.1", new(AppConf, 12)),
            ConnectionHeader = new DirectiveValue("", new(AppConf, 13)),
        };
        var evidence = new HostEvidence { Instances = [Instance(pass) with { Upstreams = [upstream] }] };

        var r = RootCauseResolver.Resolve(Finding(Causes.ConnectionReset, "127.0.0.1:8001"), evidence);

        Assert.Equal(RootCauses.StaleKeepalive, r.RootCause);
        Assert.Equal(Confidence.Medium, r.Confidence);
        Assert.Single(r.LikelyCauses);
    }

    [Fact]
    public void TlsPortBehindHttp_IsProtocolMismatchSwitchingToHttps()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://127.0.0.1:8443/", 20, address: "127.0.0.1:8443"))],
            DirectProbes = [Speaks("127.0.0.1:8443", "tls")],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.ProtocolMismatch, "127.0.0.1:8443"), evidence);

        Assert.Equal(RootCauses.ProtocolMismatch, r.RootCause);
        Assert.Equal($"In {AppConf}:20 change `proxy_pass http://127.0.0.1:8443/` to `proxy_pass https://127.0.0.1:8443/`, then `{Reload}`", r.Remediation[0]);
    }

    [Fact]
    public void HttpServerBehindFastcgiPass_IsProtocolMismatchSwitchingToProxyPass()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("127.0.0.1:9000", 7, "fastcgi_pass", "fastcgi", "127.0.0.1:9000"))],
            DirectProbes = [Speaks("127.0.0.1:9000", "http", 400)],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.FastcgiProtocolMismatch, "127.0.0.1:9000", "fastcgi"), evidence);

        Assert.Equal(RootCauses.ProtocolMismatch, r.RootCause);
        Assert.Equal($"In {AppConf}:7 change `fastcgi_pass 127.0.0.1:9000` to `proxy_pass http://127.0.0.1:9000`, then `{Reload}`", r.Remediation[0]);
        Assert.Contains(r.Facts, f => f.Text.Contains("speaks http (HTTP status 400)", StringComparison.Ordinal));
    }

    [Fact]
    public void MatchingProtocol_IsNotAMismatch()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://127.0.0.1:8000", 12))],
            DirectProbes = [Speaks("127.0.0.1:8000", "http", 200)],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.ProtocolMismatch, "127.0.0.1:8000"), evidence);

        Assert.Null(r.Rule);
        Assert.Equal(Causes.ProtocolMismatch, r.RootCause);
    }

    [Fact]
    public void OomKillInTheWindow_IsOomKilled_AndOutsideItIsNot()
    {
        var at = new DateTime(2026, 3, 1, 10, 0, 2);
        HostEvidence With(DateTime t) => new()
        {
            Events = [new HostEvent { Cause = Causes.OomKilled, Subject = "gunicorn", Time = t, Text = "Out of memory: Killed process 200 (gunicorn)", Probe = ProbeNames.KernelLog, Location = new("/var/log/kern.log", 2) }],
        };

        var inside = RootCauseResolver.Resolve(Finding(Causes.PrematureClose, "127.0.0.1:8001", at: at), With(at.AddSeconds(30)));
        var outside = RootCauseResolver.Resolve(Finding(Causes.PrematureClose, "127.0.0.1:8001", at: at), With(at.AddHours(-2)));

        Assert.Equal(RootCauses.OomKilled, inside.RootCause);
        Assert.Equal("/var/log/kern.log:2", inside.Facts[0].Location?.ToString());
        Assert.Null(outside.Rule);
    }

    [Fact]
    public void SelinuxEnforcingWithBooleanOff_IsSelinuxDenied()
    {
        var evidence = new HostEvidence
        {
            Selinux = new SelinuxState { Mode = SelinuxMode.Enforcing, Booleans = new Dictionary<string, bool> { ["httpd_can_network_connect"] = false } },
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.SelinuxDenied, "127.0.0.1:8000"), evidence);

        Assert.Equal(RootCauses.SelinuxDenied, r.RootCause);
        Assert.Contains("setsebool -P httpd_can_network_connect 1", r.Remediation);
    }

    [Fact]
    public void MissingSocketWhilePoolListensElsewhere_IsWrongTargetToThePoolSocket()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("unix:/run/php/php-fpm.sock", 9, "fastcgi_pass", "fastcgi", "unix:/run/php/php-fpm.sock"))],
            UnixSockets = [new UnixSocketInfo { Path = "/run/php/php-fpm.sock", Exists = false }],
            Listeners = [new Listener { Family = SocketFamily.Unix, Path = "/run/php/php8.2-fpm.sock", Inode = 1 }],
            PhpFpmPools = [new PhpFpmPool { Name = "www", Location = new("/etc/php/8.2/fpm/pool.d/www.conf", 1), Listen = "/run/php/php8.2-fpm.sock", ListenLocation = new("/etc/php/8.2/fpm/pool.d/www.conf", 4) }],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UnixSocketMissing, "unix:/run/php/php-fpm.sock", "fastcgi"), evidence);

        Assert.Equal(RootCauses.WrongTarget, r.RootCause);
        Assert.Equal($"In {AppConf}:9 change `fastcgi_pass unix:/run/php/php-fpm.sock` to `fastcgi_pass unix:/run/php/php8.2-fpm.sock`, then `{Reload}`", r.Remediation[0]);
    }

    [Fact]
    public void NoEvidence_LeavesTheFindingAsItWas()
    {
        var finding = Finding(Causes.UpstreamTimeoutRead, "127.0.0.1:8000");

        var refined = RootCauseResolver.Refine(finding, new HostEvidence());

        Assert.Same(finding, refined);
    }
}
