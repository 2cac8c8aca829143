using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Resolution;
using Nginx502Bot.Diagnostics.Vocabulary;
using static Nginx502Bot.Agent.Tests.Resolution.Evidence;

namespace Nginx502Bot.Agent.Tests.Resolution;

/// <summary>
/// upstream_down and no_live_upstreams name the configuration lines behind the target, like wrong_target does: the pass
/// directive or the upstream member's <c>server</c> line (with its block) to edit if the backend moved, and the upstream
/// block's members with their max_fails/fail_timeout.
/// </summary>
public sealed class UpstreamRemediationTests
{
    private const string Reload = "nginx -t && systemctl reload nginx";

    [Fact]
    public void BackendDownBehindProxyPass_RemediationNamesThePassLineAfterStartingIt()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://127.0.0.1:8000", 12))],
            Listeners = [Tcp("0.0.0.0", 80, "nginx", 100)],
            DirectProbes = [Refused("127.0.0.1:8000")],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:8000"), evidence);

        Assert.Equal(RootCauses.UpstreamDown, r.RootCause);
        Assert.Equal(
        [
            "start the backend that should listen on 127.0.0.1:8000",
            $"If the backend now listens elsewhere: in {AppConf}:12 change `proxy_pass http://127.0.0.1:8000` to its new address, then `{Reload}`",
        ], r.Remediation);
    }

    [Fact]
    public void BackendDownBehindFastcgiPass_RemediationNamesTheFastcgiPassLine()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("127.0.0.1:9000", 7, "fastcgi_pass", "fastcgi", "127.0.0.1:9000"))],
            DirectProbes = [Refused("127.0.0.1:9000")],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:9000", "fastcgi"), evidence);

        Assert.Equal(RootCauses.UpstreamDown, r.RootCause);
        Assert.Equal($"If the backend now listens elsewhere: in {AppConf}:7 change `fastcgi_pass 127.0.0.1:9000` to its new address, then `{Reload}`",
            r.Remediation[^1]);
    }

    [Fact]
    public void UpstreamMemberDown_RemediationNamesItsServerLineAndBlockNotThePass()
    {
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://api_backend", 14, address: "api_backend")) with { Upstreams = [Backend(Member("127.0.0.1:8001", 2, 3, "30s"))] }],
            DirectProbes = [Refused("127.0.0.1:8001")],
            Services = [new ServiceState { Name = "api.service", ActiveState = "failed", SubState = "failed", Result = "exit-code", Source = "systemd" }],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:8001"), evidence);

        Assert.Equal(RootCauses.UpstreamDown, r.RootCause);
        Assert.Equal(
        [
            "systemctl start api.service",
            "journalctl -u api.service -n 50",
            $"If the backend now listens elsewhere: in {AppConf}:2 (upstream api_backend at {AppConf}:1) change "
                + $"`server 127.0.0.1:8001 max_fails=3 fail_timeout=30s` to its new address, then `{Reload}`",
        ], r.Remediation);
        Assert.Contains(r.Facts, f => f.Location == new SourceLocation(AppConf, 2) && f.Probe == ProbeNames.NginxConfig
            && f.Text == "upstream api_backend lists it as `server 127.0.0.1:8001 max_fails=3 fail_timeout=30s`");
    }

    [Fact]
    public void NoConfigurationEvidence_RemediationOnlyStartsTheBackend()
    {
        var evidence = new HostEvidence { Listeners = [Tcp("0.0.0.0", 80, "nginx", 100)], DirectProbes = [Refused("127.0.0.1:8000")] };

        var r = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:8000"), evidence);

        Assert.Equal(RootCauses.UpstreamDown, r.RootCause);
        Assert.Equal(["start the backend that should listen on 127.0.0.1:8000"], r.Remediation);
    }

    [Fact]
    public void EveryMemberDown_RemediationNamesTheBlockEachServerLineWithFailureSettingsAndThePass()
    {
        var upstream = Backend(Member("127.0.0.1:8001", 2, 3, "30s"), Member("127.0.0.1:8002", 3));
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://api_backend", 14, address: "api_backend")) with { Upstreams = [upstream] }],
            DirectProbes = [Refused("127.0.0.1:8001"), Refused("127.0.0.1:8002")],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.NoLiveUpstreams, "api_backend"), evidence);

        Assert.Equal(RootCauses.NoLiveUpstreams, r.RootCause);
        Assert.Equal("start the backends at 127.0.0.1:8001, 127.0.0.1:8002", r.Remediation[0]);
        Assert.Equal($"Failure settings of upstream api_backend in {AppConf}:1, dialled via `proxy_pass http://api_backend` in {AppConf}:14: "
            + $"`server 127.0.0.1:8001 max_fails=3 fail_timeout=30s` in {AppConf}:2; "
            + $"`server 127.0.0.1:8002` in {AppConf}:3 (defaults max_fails=1 fail_timeout=10s). nginx takes a member out for fail_timeout "
            + "after max_fails failed attempts within fail_timeout, and answers 502 \"no live upstreams\" while every member is out", r.Remediation[1]);
    }

    [Fact]
    public void MembersAnswerAgain_FailureSettingsStillNamedWithTheUnsetOneAsDefault()
    {
        var upstream = Backend(Member("127.0.0.1:8001", 2, failTimeout: "5s"));
        var evidence = new HostEvidence
        {
            Instances = [Instance(Pass("http://api_backend", 14, address: "api_backend")) with { Upstreams = [upstream] }],
            DirectProbes = [Speaks("127.0.0.1:8001", "http", 200)],
        };

        var r = RootCauseResolver.Resolve(Finding(Causes.NoLiveUpstreams, "api_backend"), evidence);

        Assert.Equal(RootCauses.NoLiveUpstreams, r.RootCause);
        Assert.StartsWith("the members answer now", r.Remediation[0], StringComparison.Ordinal);
        Assert.Contains($"`server 127.0.0.1:8001 fail_timeout=5s` in {AppConf}:2 (default max_fails=1).", r.Remediation[1], StringComparison.Ordinal);
    }

    private static UpstreamBlock Backend(params UpstreamMember[] members) =>
        new() { Name = "api_backend", Location = new(AppConf, 1), Members = members };

    private static UpstreamMember Member(string address, int line, int? maxFails = null, string? failTimeout = null) =>
        new() { Address = address, Location = new(AppConf, line), MaxFails = maxFails, FailTimeout = failTimeout };
}
