using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Nginx502Bot.Agent.Host;
using Nginx502Bot.Agent.Service;
using Nginx502Bot.Agent.Tests.Resolution;
using Nginx502Bot.Agent.Tests.Support;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Agent.Tests.Probes;

/// <summary>
/// Probes on this machine's real /proc and sockets, with the nginx configuration and users from a temp tree:
/// the same path the lab takes with <c>--nginx-config</c>. The root cause comes from the evidence the probes gathered.
/// </summary>
[Collection(LoopbackWebGroup.Name)]
public sealed class LiveHostScenarioTests
{
    [Fact]
    public async Task BackendMovedToAnotherPort_IsWrongTargetNamingTheRealPort()
    {
        await using var web = await LoopbackWebServer.StartAsync(tls: false);
        var dialed = await ClosedPortNear(web.Port);
        using var host = new TempHost();
        host.Write("/etc/nginx/nginx.conf", $"user www-data;\nevents {{}}\nhttp {{\n    server {{\n        server_name app.test;\n        location / {{\n            proxy_pass http://127.0.0.1:{dialed};\n        }}\n    }}\n}}\n");
        await using var services = AgentHarness.Build(host.Root, direct: true, new Dictionary<string, string?>
        {
            ["Agent:ProcRoot"] = "/proc",
            ["Agent:NginxConfigPath"] = "/etc/nginx/nginx.conf",
        });

        var report = await AgentHarness.DiagnoseAsync(services);
        var resolved = DiagnosisService.Resolve(Evidence.Finding(Causes.UpstreamDown, $"127.0.0.1:{dialed}") with { Servers = ["app.test"] }, report.Evidence);

        Assert.True(resolved.Finding.RootCause == RootCauses.WrongTarget, Explain(report, resolved, web.Port));
        Assert.Equal(
            $"In /etc/nginx/nginx.conf:7 change `proxy_pass http://127.0.0.1:{dialed}` to `proxy_pass http://127.0.0.1:{web.Port}`, then `nginx -t && systemctl reload nginx`",
            resolved.Finding.Remediation[0]);
    }

    /// <summary>
    /// A query naming one server probes only that server's targets (and the listeners near them), and reaches the
    /// same conclusion a whole-host diagnosis reaches.
    /// </summary>
    [Fact]
    public async Task ScopedToOneServer_ProbesOnlyItsTargetAndStillFindsTheRealPort()
    {
        await using var web = await LoopbackWebServer.StartAsync(tls: false);
        var dialed = await ClosedPortNear(web.Port);
        var other = await ClosedPortNear(dialed);
        using var host = new TempHost();
        host.Write("/etc/nginx/nginx.conf", "user www-data;\nevents {}\nhttp {\n"
            + $"    server {{\n        server_name app.test;\n        location / {{\n            proxy_pass http://127.0.0.1:{dialed};\n        }}\n    }}\n"
            + $"    server {{\n        server_name other.test;\n        location / {{\n            proxy_pass http://127.0.0.1:{other};\n        }}\n    }}\n}}\n");
        await using var services = AgentHarness.Build(host.Root, direct: true, new Dictionary<string, string?>
        {
            ["Agent:ProcRoot"] = "/proc",
            ["Agent:NginxConfigPath"] = "/etc/nginx/nginx.conf",
        });

        var report = await AgentHarness.DiagnoseAsync(services, new Agent.Probes.DiagnoseQuery
        {
            ServerName = "app.test", WindowStart = AgentHarness.WindowStart, WindowEnd = AgentHarness.WindowEnd,
        });
        var resolved = DiagnosisService.Resolve(Evidence.Finding(Causes.UpstreamDown, $"127.0.0.1:{dialed}") with { Servers = ["app.test"] }, report.Evidence);

        Assert.Contains(report.Evidence.DirectProbes, p => p.Target == $"127.0.0.1:{dialed}" && !p.Connected);
        Assert.DoesNotContain(report.Evidence.DirectProbes, p => p.Target == $"127.0.0.1:{other}");
        Assert.Equal([$"127.0.0.1:{dialed}"], report.Evidence.PortUsage.Select(u => u.Target));
        Assert.True(resolved.Finding.RootCause == RootCauses.WrongTarget, Explain(report, resolved, web.Port));
        Assert.Contains($"127.0.0.1:{web.Port}", resolved.Finding.Remediation[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SocketOwnedByAnotherUserMode0660_IsUnixSocketPermission()
    {
        using var host = new TempHost();
        var socketPath = host.Root + "/run/app.sock";
        Directory.CreateDirectory(Path.GetDirectoryName(socketPath)!);
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen();
        File.SetUnixFileMode(socketPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite);
        var me = NativeStat.Stat(socketPath)!;
        host.Write("/etc/passwd", $"owner:x:{me.Uid}:{me.Gid}::/:/bin/sh\nwww-data:x:{me.Uid + 4242}:{me.Gid + 4242}::/:/bin/sh\n");
        host.Write("/etc/group", $"ownergrp:x:{me.Gid}:\nwww-data:x:{me.Gid + 4242}:\n");
        host.Write("/etc/nginx/nginx.conf", "user www-data;\nhttp {\n    server {\n        location ~ \\.php$ {\n            fastcgi_pass unix:/run/app.sock;\n        }\n    }\n}\n");
        await using var services = AgentHarness.Build(host.Root, extra: new Dictionary<string, string?> { ["Agent:NginxConfigPath"] = "/etc/nginx/nginx.conf" });

        var report = await AgentHarness.DiagnoseAsync(services);
        var socket = Assert.Single(report.Evidence.UnixSockets);
        var resolved = DiagnosisService.Resolve(Evidence.Finding(Causes.UnixSocketPermission, "unix:/run/app.sock", "fastcgi"), report.Evidence);

        Assert.Equal(("owner", "ownergrp", "0660", true), (socket.Owner, socket.Group, socket.ModeText, socket.IsSocket));
        Assert.Equal(RootCauses.UnixSocketPermission, resolved.Finding.RootCause);
        Assert.Contains("owner:ownergrp 0660", resolved.Finding.Summary, StringComparison.Ordinal);
    }

    private static string Explain(DiagnosisReport report, ResolvedFinding resolved, int port) =>
        $"{resolved.Finding.RootCause}: {string.Join("; ", resolved.Finding.LikelyCauses)} | probes: "
        + string.Join(", ", report.Probes.Select(p => $"{p.Name}={p.Status}({p.DurationMs}ms)"))
        + " | near: " + string.Join(", ", report.Evidence.Listeners.Where(l => Math.Abs(l.Port - port) <= 100).Select(l => $"{l.Endpoint}/{l.Process}"))
        + " | direct: " + string.Join(", ", report.Evidence.DirectProbes.Select(d => $"{d.Target}={d.Speaks ?? d.ConnectError}"));

    /// <summary>A port within 100 of <paramref name="near"/> that nothing listens on (the "backend moved" distance).</summary>
    private static Task<int> ClosedPortNear(int near)
    {
        for (var p = near + 1; p < near + 100 && p < 65535; p++)
        {
            try
            {
                using var l = new TcpListener(IPAddress.Loopback, p);
                l.Start();
                return Task.FromResult(p);
            }
            catch (SocketException)
            {
                // in use: try the next one
            }
        }

        throw new InvalidOperationException("no free port near " + near);
    }
}
