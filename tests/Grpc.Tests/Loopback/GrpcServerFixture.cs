using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Grpc.Server;
using System.Security.Cryptography.X509Certificates;

namespace Nginx502Bot.Grpc.Tests.Loopback;

/// <summary>
/// A real Kestrel server on loopback ports serving <see cref="EchoService"/> over h2c, over TLS (HTTP/2 via ALPN,
/// client certificates optional), and over plain HTTP/1.1 (to prove such requests are rejected).
/// </summary>
public sealed class GrpcServerFixture : IAsyncLifetime
{
    public const int ServerMaxMessageSize = 64 * 1024;

    private WebApplication? _app;
    private ListenOptions? _h2c;
    private ListenOptions? _tls;
    private ListenOptions? _http1;

    public EchoService Echo { get; } = new();

    public CapturingLoggerProvider Logs { get; } = new();

    public X509Certificate2 ServerCertificate { get; } = TestCertificates.Create("grpc-test-server");

    public Uri H2cAddress => new($"http://127.0.0.1:{Port(_h2c)}");

    public Uri TlsAddress => new($"https://localhost:{Port(_tls)}");

    public Uri Http1Address => new($"http://127.0.0.1:{Port(_http1)}");

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(Logs);
        builder.Services.AddGrpcTransport(o => o.MaxReceiveMessageSize = ServerMaxMessageSize);
        builder.Services.AddSingleton<IGrpcServerInterceptor, BearerTokenInterceptor>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, o => (_h2c = o).Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, o =>
            {
                _tls = o;
                o.Protocols = HttpProtocols.Http1AndHttp2;
                o.UseHttps(https =>
                {
                    https.ServerCertificate = ServerCertificate;
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    https.AllowAnyClientCertificate();
                });
            });
            kestrel.Listen(IPAddress.Loopback, 0, o => (_http1 = o).Protocols = HttpProtocols.Http1);
        });
        _app = builder.Build();
        Echo.Map(_app);
        MapNonGrpcResponders(_app);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        ServerCertificate.Dispose();
    }

    /// <summary>Plain HTTP answers standing in for a proxy in front of the server (e.g. nginx answering 503).</summary>
    private static void MapNonGrpcResponders(WebApplication app)
    {
        app.Map("/proxy.Front/Unavailable", http =>
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        app.Map("/proxy.Front/Html", http =>
        {
            http.Response.ContentType = "text/html";
            return http.Response.WriteAsync("<html>not grpc</html>");
        });
    }

    private static int Port(ListenOptions? listener) =>
        listener?.IPEndPoint?.Port is > 0 and var port ? port : throw new InvalidOperationException("Server not started.");
}
