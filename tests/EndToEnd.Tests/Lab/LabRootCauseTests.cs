using Nginx502Bot.Agent.Service;
using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;
using Nginx502Bot.EndToEnd.Tests.Support;
using Nginx502Bot.Lab.Run;

namespace Nginx502Bot.EndToEnd.Tests.Lab;

/// <summary>
/// Each broken lab scenario requested from the real nginx, then diagnosed by the agent in process (its real probes on
/// this machine's /proc, the lab's nginx.conf and error log): the root cause (causes.md section 2) and a fix naming the
/// scenario's own config file:line and the right value.
/// </summary>
[Collection(RealNginxLab.Name)]
public sealed class LabRootCauseTests(LabAgentFixture lab)
{
    private const string Reload = "then `nginx -t && systemctl reload nginx`";

    /// <summary>
    /// Nothing listens on the dialled port. On this shared machine another process may by chance listen within 100
    /// ports of it (the rule's "moved a little" distance); then the agent may name it as wrong_target, but only a near
    /// listener that was not seen speaking another protocol. The lab's own orphan (wrong_port's backend, kept more than
    /// 100 ports away by FreePorts.NextQuiet) must never be claimed.
    /// </summary>
    [Fact]
    public async Task NothingListening_IsUpstreamDownCitingThePassLine()
    {
        var (run, found, report) = await DiagnoseAsync("nothing_listening", Causes.UpstreamDown);
        var dialled = Port(run.Scenario.Dials);

        if (found.Finding.RootCause == RootCauses.WrongTarget)
        {
            var named = report.Evidence.Listeners.Single(l => found.Finding.Summary.Contains($"the backend listens on {l.Endpoint}:", StringComparison.Ordinal));
            Assert.True(Math.Abs(named.Port - dialled) <= 100 && named.Pid != LabBackendPid(report, "wrong_port"),
                $"claimed a far or lab listener: {found.Finding.Summary}");
            return;
        }

        Assert.Equal(RootCauses.UpstreamDown, found.Finding.RootCause);
        Assert.Equal($"the backend at {run.Scenario.Dials} is down: nothing listens there", found.Finding.Summary);
        AssertCitesPassLine(run, found);
        Assert.Contains(run.Scenario.Dials, found.Finding.Remediation[0], StringComparison.Ordinal);
        Assert.Equal($"If the backend now listens elsewhere: in {run.Scenario.ConfigFile}:{run.Scenario.PassLine} change "
            + $"`{run.Scenario.PassDirective.TrimEnd(';')}` to its new address, {Reload}", found.Finding.Remediation[^1]);
    }

    [Fact]
    public async Task WrongPort_IsWrongTargetNamingTheRealPortAtThePassLine()
    {
        var (run, found, _) = await DiagnoseAsync("wrong_port", Causes.UpstreamDown);

        Assert.Equal(RootCauses.WrongTarget, found.Finding.RootCause);
        Assert.Equal(Change(run, $"proxy_pass http://{run.Scenario.ListensAt}"), found.Finding.Remediation[0]);
        Assert.Contains($"but the backend listens on {run.Scenario.ListensAt}", found.Finding.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnixSocketMissing_IsUnixSocketMissingNamingThePath()
    {
        var (run, found, _) = await DiagnoseAsync("unix_socket_missing", Causes.UnixSocketMissing);

        Assert.Equal(RootCauses.UnixSocketMissing, found.Finding.RootCause);
        Assert.Equal($"{Path(run)} does not exist: the backend that should create it is not running", found.Finding.Summary);
        Assert.Contains(found.Resolution.Facts, f => f.Text == $"{Path(run)} does not exist" && f.Probe == ProbeNames.UnixSockets);
    }

    [Fact]
    public async Task UnixSocketPermission_NamesOwnerModeAndTheWwwDataWorker()
    {
        var (run, found, _) = await DiagnoseAsync("unix_socket_permission", Causes.UnixSocketPermission);

        Assert.Equal(RootCauses.UnixSocketPermission, found.Finding.RootCause);
        Assert.Equal($"{Path(run)} is root:root 0600; nginx worker user www-data may not connect", found.Finding.Summary);
        Assert.Contains(found.Resolution.Facts, f => f.Text == $"{Path(run)} owner root group root mode 0600");
        Assert.Contains(found.Resolution.Facts, f => f.Text.StartsWith("nginx workers run as www-data (uid 33", StringComparison.Ordinal));
        Assert.Contains($"`chgrp www-data {Path(run)} && chmod 0660 {Path(run)}`", found.Finding.Remediation[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnixSocketStale_IsUpstreamDownCallingTheFileStale()
    {
        var (run, found, _) = await DiagnoseAsync("unix_socket_stale", Causes.UpstreamDown);

        Assert.Equal(RootCauses.UpstreamDown, found.Finding.RootCause);
        Assert.Equal($"{Path(run)} is a stale socket: the backend that created it is gone", found.Finding.Summary);
        Assert.Contains(found.Resolution.Facts, f => f.Text == $"{Path(run)} exists but no process listens on it");
    }

    [Fact]
    public async Task HttpsToPlainHttp_IsProtocolMismatchChangingTheSchemeToHttp()
    {
        var (run, found, _) = await DiagnoseAsync("https_to_plain_http", Causes.UpstreamTls);

        Assert.Equal(RootCauses.ProtocolMismatch, found.Finding.RootCause);
        Assert.Equal($"{run.Scenario.Dials} speaks http but nginx talks https to it", found.Finding.Summary);
        Assert.Equal(Change(run, $"proxy_pass http://{run.Scenario.Dials}"), found.Finding.Remediation[0]);
    }

    [Fact]
    public async Task HttpToTls_IsProtocolMismatchChangingTheSchemeToHttps()
    {
        var (run, found, _) = await DiagnoseAsync("http_to_tls", Causes.ConnectionReset);

        Assert.Equal(RootCauses.ProtocolMismatch, found.Finding.RootCause);
        Assert.Equal(Change(run, $"proxy_pass https://{run.Scenario.Dials}"), found.Finding.Remediation[0]);
    }

    /// <summary>
    /// An SSH-like banner: the agent connects but cannot name what the port speaks, so no rule refines it; the answer
    /// honestly stays the line-level protocol_mismatch with checks to run, not an invented fix.
    /// </summary>
    [Fact]
    public async Task HttpToNonHttp_KeepsLineLevelProtocolMismatchWithoutInventingAFix()
    {
        var (run, found, report) = await DiagnoseAsync("http_to_non_http", Causes.ProtocolMismatch);

        Assert.Equal(RootCauses.ProtocolMismatch, found.Finding.RootCause);
        Assert.Null(found.Resolution.Rule);
        Assert.Contains(report.Evidence.DirectProbes, p => p.Target == run.Scenario.Dials && p.Connected && p.Speaks != "http");
        Assert.Contains($"curl -sS -v -o /dev/null http://{run.Scenario.Dials}/", found.Finding.Remediation);
    }

    [Fact]
    public async Task FastcgiToHttp_IsProtocolMismatchReplacingFastcgiPassWithProxyPass()
    {
        var (run, found, _) = await DiagnoseAsync("fastcgi_to_http", Causes.FastcgiProtocolMismatch);

        Assert.Equal(RootCauses.ProtocolMismatch, found.Finding.RootCause);
        Assert.Equal($"{run.Scenario.Dials} speaks http but nginx talks fastcgi to it", found.Finding.Summary);
        Assert.Equal(Change(run, $"proxy_pass http://{run.Scenario.Dials}"), found.Finding.Remediation[0]);
    }

    /// <summary>The same HTTP server sits behind the fastcgi scenario's fastcgi_pass: the fix must cite the grpc_pass line.</summary>
    [Fact]
    public async Task GrpcToHttp1_IsProtocolMismatchCitingTheGrpcPassLine()
    {
        var (run, found, _) = await DiagnoseAsync("grpc_to_http1", Causes.ProtocolMismatch);

        Assert.Equal(RootCauses.ProtocolMismatch, found.Finding.RootCause);
        Assert.Equal($"{run.Scenario.Dials} speaks http but nginx talks grpc to it", found.Finding.Summary);
        Assert.Equal(Change(run, $"proxy_pass http://{run.Scenario.Dials}"), found.Finding.Remediation[0]);
    }

    [Fact]
    public async Task NoLiveUpstreams_IsNoLiveUpstreamsCitingEachDeadMemberLine()
    {
        var (run, found, report) = await DiagnoseAsync("no_live_upstreams", Causes.NoLiveUpstreams);
        var members = report.Findings.Where(f => f.Finding.Paths.Contains(run.Scenario.Path) && f.Finding.Cause == Causes.UpstreamDown)
            .Select(f => f.Finding.Target!).ToArray();

        Assert.Equal(RootCauses.NoLiveUpstreams, found.Finding.RootCause);
        Assert.Equal($"every member of upstream {run.Scenario.Dials} is down", found.Finding.Summary);
        Assert.Equal(2, members.Length);
        Assert.All(members, m => Assert.Contains(found.Resolution.Facts, f =>
            f.Text == $"member {m}: nothing accepts connections" && f.Location?.File == run.Scenario.ConfigFile && f.Location.Line < run.Scenario.PassLine));
        Assert.All(members, m => Assert.Contains(m, found.Finding.Remediation[0], StringComparison.Ordinal));
        // The block, the pass that uses it and each member's server line with its failure settings, at their file:line.
        var settings = Assert.Single(found.Finding.Remediation, r => r.StartsWith("Failure settings of upstream ", StringComparison.Ordinal));
        Assert.StartsWith($"Failure settings of upstream {run.Scenario.Dials} in {run.Scenario.ConfigFile}:", settings, StringComparison.Ordinal);
        Assert.Contains($"`{run.Scenario.PassDirective.TrimEnd(';')}` in {run.Scenario.ConfigFile}:{run.Scenario.PassLine}", settings, StringComparison.Ordinal);
        Assert.All(members, m => Assert.Contains($"`server {m} max_fails=1 fail_timeout=30s` in {run.Scenario.ConfigFile}:", settings, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HeaderTooBig_IsHeaderTooBigSizingTheBufferInThePassBlock()
    {
        var (run, found, _) = await DiagnoseAsync("header_too_big", Causes.HeaderTooBig);

        Assert.Equal(RootCauses.HeaderTooBig, found.Finding.RootCause);
        Assert.Equal($"In {run.Scenario.ConfigFile} add `proxy_buffer_size 32k;` in the block of line {run.Scenario.PassLine}, {Reload}",
            found.Finding.Remediation[0]);
        Assert.Contains(found.Resolution.Facts, f => f.Text.EndsWith("-byte header", StringComparison.Ordinal) && f.Probe == ProbeNames.DirectProbe);
    }

    [Fact]
    public async Task PhpWorkerKilled_IsAppCrashFromThePhpFpmLog()
    {
        var (_, found, _) = await DiagnoseAsync("php_worker_killed", Causes.ConnectionReset);

        Assert.Equal(RootCauses.AppCrash, found.Finding.RootCause);
        Assert.Contains(found.Finding.Evidence, r => r.Cause == Causes.AppCrash);
    }

    [Fact]
    public async Task GunicornWorkerTimeout_IsAppWorkerTimeoutFromTheGunicornLog()
    {
        var (_, found, _) = await DiagnoseAsync("gunicorn_worker_timeout", Causes.PrematureClose);

        Assert.Equal(RootCauses.AppWorkerTimeout, found.Finding.RootCause);
        Assert.Contains(found.Finding.Evidence, r => r.Cause == Causes.AppWorkerTimeout);
    }

    /// <summary>No probe measures how slow the backend is, so the line-level cause stands (with checks, no invented value).</summary>
    [Fact]
    public async Task ReadTimeout_KeepsLineLevelUpstreamTimeoutRead()
    {
        var (run, found, _) = await DiagnoseAsync("read_timeout", Causes.UpstreamTimeoutRead);

        Assert.Equal(Causes.UpstreamTimeoutRead, found.Finding.RootCause);
        Assert.Null(found.Resolution.Rule);
        Assert.Equal(1, found.Finding.Statuses.GetValueOrDefault("504"));
        Assert.Contains(run.Scenario.Dials, found.Finding.Summary, StringComparison.Ordinal);
    }

    private async Task<(LabResult Run, ResolvedFinding Found, DiagnosisReport Report)> DiagnoseAsync(string scenario, string cause)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var (run, report) = await lab.RunAndDiagnoseAsync(scenario, timeout.Token);
        Assert.True(run.ClientStatus == run.Scenario.Definition.ExpectedClientStatus,
            $"the lab itself misbehaved: {scenario} gave {run.ClientStatus}, expected {run.Scenario.Definition.ExpectedClientStatus}");
        var found = report.Findings.Where(f => f.Finding.Paths.Contains(run.Scenario.Path) && f.Finding.Cause == cause).ToArray();
        Assert.True(found.Length == 1, $"expected one {cause} finding for {run.Scenario.Path}; the agent said:\n{Explain(report)}");
        return (run, found[0], report);
    }

    /// <summary>The wording every directive fix shares: the scenario's own file:line and directive, and the new one.</summary>
    private static string Change(LabResult run, string to) =>
        $"In {run.Scenario.ConfigFile}:{run.Scenario.PassLine} change `{run.Scenario.PassDirective.TrimEnd(';')}` to `{to}`, {Reload}";

    private static int Port(string endpoint) => int.Parse(endpoint[(endpoint.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The pid behind the lab backend the scenario's <c>ListensAt</c> names (the python backends are one process).</summary>
    private int? LabBackendPid(DiagnosisReport report, string scenario) => lab.Lab[scenario].ListensAt is { } at
        ? report.Evidence.Listeners.FirstOrDefault(l => l.Family != SocketFamily.Unix && l.Port == Port(at))?.Pid
        : null;

    private static string Path(LabResult run) => run.Scenario.Dials["unix:".Length..];

    private static void AssertCitesPassLine(LabResult run, ResolvedFinding found) =>
        Assert.Contains(found.Resolution.Facts, f => f.Location == new SourceLocation(run.Scenario.ConfigFile, run.Scenario.PassLine)
            && f.Text.Contains(run.Scenario.PassDirective.TrimEnd(';'), StringComparison.Ordinal));

    private static string Explain(DiagnosisReport report) => string.Join('\n', report.Findings.Select(f =>
        $"  {f.Finding.Cause} -> {f.Finding.RootCause} {f.Finding.Target} [{string.Join(",", f.Finding.Paths)}] {f.Finding.Summary} | {string.Join(" | ", f.Finding.Remediation)}"))
        + "\n  probes: " + string.Join(", ", report.Probes.Select(p => $"{p.Name}={p.Status}"));
}
