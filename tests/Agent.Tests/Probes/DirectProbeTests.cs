using System.Net;
using System.Net.Sockets;
using Nginx502Bot.Agent.Probes.Direct;
using Nginx502Bot.Agent.Tests.Support;

namespace Nginx502Bot.Agent.Tests.Probes;

/// <summary>Direct probes against real peers on loopback: Kestrel (HTTP, TLS) and Debian's php-fpm.</summary>
[Collection(LoopbackWebGroup.Name)]
public sealed class DirectProbeTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(1500);

    private static Task<Diagnostics.Evidence.DirectProbeResult> Probe(int port, string scheme) =>
        TargetProber.ProbeAsync($"127.0.0.1:{port}", new IPEndPoint(IPAddress.Loopback, port), "127.0.0.1", scheme, Timeout, CancellationToken.None);

    [Fact]
    public async Task HttpServer_SpeaksHttpWithStatusAndHeaderSize()
    {
        await using var web = await LoopbackWebServer.StartAsync(tls: false, cookieBytes: 9000);

        var r = await Probe(web.Port, "http");

        Assert.True(r.Connected);
        Assert.Equal("http", r.Speaks);
        Assert.Equal(200, r.HttpStatus);
        Assert.InRange(r.HeaderBytes!.Value, 9000, 10000);
        Assert.False(r.TlsHandshake);
    }

    /// <summary>A backend that accepts and never answers (a hung app): three identification steps one after another
    /// would cost three timeouts; past the first step's head start they run together.</summary>
    [Fact]
    public async Task SilentPeer_StepsTimeOutTogether_NotOneAfterAnother()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start(16);
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;

        var r = await Probe(port, "http");

        Assert.True(r.Connected);
        Assert.Equal("unknown", r.Speaks);
        Assert.True(r.ElapsedMs < 2 * Timeout.TotalMilliseconds, $"took {r.ElapsedMs} ms; one step times out after {Timeout.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task TlsServer_BehindHttpScheme_IsRecognisedAsTls()
    {
        await using var web = await LoopbackWebServer.StartAsync(tls: true);

        var r = await Probe(web.Port, "http");

        Assert.Equal("tls", r.Speaks);
        Assert.True(r.TlsHandshake);
    }

    [Fact]
    public async Task HttpServer_BehindFastcgiScheme_IsRecognisedAsHttp()
    {
        await using var web = await LoopbackWebServer.StartAsync(tls: false);

        var r = await Probe(web.Port, "fastcgi");

        Assert.Equal("http", r.Speaks);
        Assert.False(r.FastCgiValues);
    }

    [Fact]
    public async Task PhpFpmOnTcp_AnswersFastcgiGetValues()
    {
        using var fpm = await PhpFpmProcess.StartAsync(unixSocket: false);

        var r = await Probe(int.Parse(fpm.Listen, System.Globalization.CultureInfo.InvariantCulture), "fastcgi");

        Assert.Equal("fastcgi", r.Speaks);
        Assert.True(r.FastCgiValues);
    }

    [Fact]
    public async Task PhpFpmOnUnixSocket_AnswersFastcgiGetValues()
    {
        using var fpm = await PhpFpmProcess.StartAsync(unixSocket: true);

        var r = await TargetProber.ProbeAsync("unix:" + fpm.Listen, new UnixDomainSocketEndPoint(fpm.Listen), "localhost", "fastcgi", Timeout, CancellationToken.None);

        Assert.Equal("fastcgi", r.Speaks);
    }

    [Fact]
    public async Task ClosedPort_IsRefusedWithoutIdentification()
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; }

        var r = await Probe(port, "http");

        Assert.False(r.Connected);
        Assert.Equal("connection refused", r.ConnectError);
        Assert.Null(r.Speaks);
    }
}
