using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Nginx502Bot.Agent.Tests.Support;

/// <summary>A real Kestrel server on 127.0.0.1 (plain HTTP or TLS with a throw-away certificate), stopped on dispose.</summary>
public sealed class LoopbackWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackWebServer(WebApplication app, int port) => (_app, Port) = (app, port);

    public int Port { get; }

    /// <summary>Starts a server answering 200 with a Set-Cookie header of <paramref name="cookieBytes"/> bytes.</summary>
    public static async Task<LoopbackWebServer> StartAsync(bool tls, int cookieBytes = 10)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o =>
        {
            if (tls) { o.UseHttps(SelfSigned()); }
        }));
        var app = builder.Build();
        app.MapGet("/", (HttpContext c) =>
        {
            c.Response.Headers.SetCookie = "big=" + new string('x', cookieBytes);
            return "ok";
        });
        await app.StartAsync();
        var port = new Uri(app.Urls.First()).Port;
        return new LoopbackWebServer(app, port);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create();
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
