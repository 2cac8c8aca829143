using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Resolution;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.EndToEnd.Tests.Resolution;

/// <summary>
/// The resolver defects the lab exposed, pinned without the lab: the file:line of a fix must be the directive nginx
/// used (by scheme) when several dial one address; a root-owned socket never earns "add the worker to root"; and a
/// far-away or foreign-protocol listener is not named as the moved backend.
/// </summary>
public sealed class RootCauseResolverFixTests
{
    private const string Conf = "/etc/nginx/nginx.conf";

    private static Finding Finding(string cause, string target, string scheme) => new()
    {
        Cause = cause, RootCause = cause, Target = target, Scheme = scheme, Count = 1, Confidence = Confidence.Medium,
        Summary = "engine summary", Servers = ["app.test"],
    };

    private static PassDirective Pass(string directive, string value, string scheme, string address, int line) => new()
    {
        Directive = directive, Value = value, Scheme = scheme, Address = address, Location = new SourceLocation(Conf, line),
        ServerNames = ["app.test"],
    };

    [Fact]
    public void GrpcFindingOnAddressAlsoUsedByFastcgiPass_FixNamesTheGrpcPassLine()
    {
        var evidence = new HostEvidence
        {
            Instances =
            [
                new NginxInstance
                {
                    Pid = 1, ConfigPath = Conf, WorkerUser = "www-data",
                    Passes =
                    [
                        Pass("fastcgi_pass", "127.0.0.1:9000", "fastcgi", "127.0.0.1:9000", 12),
                        Pass("grpc_pass", "grpc://127.0.0.1:9000", "grpc", "127.0.0.1:9000", 17),
                    ],
                },
            ],
            DirectProbes = [new DirectProbeResult { Target = "127.0.0.1:9000", Connected = true, Speaks = "http", HttpStatus = 400 }],
        };

        var resolution = RootCauseResolver.Resolve(Finding(Causes.ProtocolMismatch, "127.0.0.1:9000", "grpc"), evidence);

        Assert.Equal(RootCauses.ProtocolMismatch, resolution.RootCause);
        Assert.Equal(
            $"In {Conf}:17 change `grpc_pass grpc://127.0.0.1:9000` to `proxy_pass http://127.0.0.1:9000`, then `nginx -t && systemctl reload nginx`",
            Assert.Single(resolution.Remediation));
    }

    [Fact]
    public void RootOwnedSocketMode0600_FixChangesTheSocketGroupNotTheWorkersGroups()
    {
        const string path = "/run/app/root-only.sock";
        var evidence = new HostEvidence
        {
            Instances = [new NginxInstance { Pid = 1, ConfigPath = Conf, WorkerUser = "www-data" }],
            Users = new Dictionary<string, UserIdentity>
            {
                ["www-data"] = new() { Name = "www-data", Uid = 33, Gid = 33, Groups = ["www-data"], GroupIds = [33] },
            },
            UnixSockets = [new UnixSocketInfo { Path = path, Exists = true, IsSocket = true, Uid = 0, Gid = 0, Owner = "root", Group = "root", Mode = 0x180, Listening = true }],
        };

        var resolution = RootCauseResolver.Resolve(Finding(Causes.UnixSocketPermission, "unix:" + path, "fastcgi"), evidence);

        Assert.Equal(RootCauses.UnixSocketPermission, resolution.RootCause);
        var fix = Assert.Single(resolution.Remediation);
        Assert.DoesNotContain("usermod", fix, StringComparison.Ordinal);
        Assert.Contains($"`chgrp www-data {path} && chmod 0660 {path}`", fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(9100, "http")]
    [InlineData(8001, "fastcgi")]
    public void DeadBackendWithFarOrForeignListener_IsUpstreamDownNotWrongTarget(int port, string speaks)
    {
        var evidence = new HostEvidence
        {
            Instances = [new NginxInstance { Pid = 1, ConfigPath = Conf, WorkerUser = "www-data", Passes = [Pass("proxy_pass", "http://127.0.0.1:8000", "http", "127.0.0.1:8000", 9)] }],
            Listeners = [new Listener { Family = SocketFamily.IPv4, Address = "127.0.0.1", Port = port, Process = "exporter", Pid = 700, Inode = 7000 }],
            DirectProbes =
            [
                new DirectProbeResult { Target = "127.0.0.1:8000", Connected = false, ConnectError = "connection refused" },
                new DirectProbeResult { Target = $"127.0.0.1:{port}", Connected = true, Speaks = speaks },
            ],
        };

        var resolution = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:8000", "http"), evidence);

        Assert.Equal(RootCauses.UpstreamDown, resolution.RootCause);
    }

    [Fact]
    public void DeadBackendWithNearHttpListener_IsStillWrongTarget()
    {
        var evidence = new HostEvidence
        {
            Instances = [new NginxInstance { Pid = 1, ConfigPath = Conf, WorkerUser = "www-data", Passes = [Pass("proxy_pass", "http://127.0.0.1:8000", "http", "127.0.0.1:8000", 9)] }],
            Listeners = [new Listener { Family = SocketFamily.IPv4, Address = "127.0.0.1", Port = 8001, Process = "gunicorn", Pid = 700, Inode = 7000 }],
            DirectProbes =
            [
                new DirectProbeResult { Target = "127.0.0.1:8000", Connected = false, ConnectError = "connection refused" },
                new DirectProbeResult { Target = "127.0.0.1:8001", Connected = true, Speaks = "http", HttpStatus = 200 },
            ],
        };

        var resolution = RootCauseResolver.Resolve(Finding(Causes.UpstreamDown, "127.0.0.1:8000", "http"), evidence);

        Assert.Equal(RootCauses.WrongTarget, resolution.RootCause);
        Assert.Equal($"In {Conf}:9 change `proxy_pass http://127.0.0.1:8000` to `proxy_pass http://127.0.0.1:8001`, then `nginx -t && systemctl reload nginx`",
            Assert.Single(resolution.Remediation));
    }
}
