using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nginx502Bot.Grpc.Server;

namespace Nginx502Bot.Agent.Serve;

/// <summary>
/// The <c>serve</c> host: Kestrel on the configured address (HTTP/2 over TLS, or h2c on loopback), rate limit and
/// bearer-token interceptors in front of every RPC, the agent's services, and <c>/healthz</c>.
/// Configuration: appsettings.json, environment (<c>NGINX502BOT_Serve__Token</c>, <c>Serve__Token</c>), overrides.
/// </summary>
public static class AgentServer
{
    /// <summary>Builds the host; throws <see cref="OptionsValidationException"/> listing every unsafe or invalid setting.</summary>
    public static WebApplication Build(IReadOnlyDictionary<string, string?> overrides, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddEnvironmentVariables("NGINX502BOT_").AddInMemoryCollection(overrides);
        builder.Services.AddOptions<ServeOptions>().Bind(builder.Configuration.GetSection(ServeOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ServeOptions>, ServeOptionsValidator>();
        builder.Services.AddAgentServices(builder.Configuration);
        builder.Services.AddGrpcTransport();
        builder.Services.AddSingleton<IGrpcServerInterceptor, RateLimitInterceptor>();
        builder.Services.AddSingleton<IGrpcServerInterceptor, BearerTokenInterceptor>();
        configure?.Invoke(builder.Services);
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var o = context.Configuration.GetSection(ServeOptions.SectionName).Get<ServeOptions>() ?? new ServeOptions();
            if (!IPAddress.TryParse(o.Address, out var ip)) { return; }
            kestrel.Listen(ip, o.Port, listen =>
            {
                // h2c cannot be negotiated, so the insecure listener speaks HTTP/2 only; TLS offers h2 and http/1.1 (for /healthz).
                listen.Protocols = o.Insecure ? HttpProtocols.Http2 : HttpProtocols.Http1AndHttp2;
                if (!o.Insecure && o.CertificatePath is not null) { listen.UseHttps(LoadCertificate(o)); }
            });
        });

        var app = builder.Build();
        app.MapAgentGrpc();
        return app;
    }

    /// <summary>Builds and runs until shutdown; settings that fail validation are printed and give exit status 2.</summary>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> overrides, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            app = Build(overrides);
            await app.StartAsync(cancellationToken);
            // A resident agent mostly idles: give the start-up garbage (configuration, DI, Kestrel setup) back to the OS.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync("nginx502bot-agent: " + string.Join(Environment.NewLine + "nginx502bot-agent: ", e.Failures));
            return 2;
        }

        await using var _ = app;

        var o = app.Services.GetRequiredService<IOptions<ServeOptions>>().Value;
        ServeLog.Listening(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Nginx502Bot.Agent.Serve"),
            string.Join(", ", app.Urls), o.Insecure ? "h2c, loopback only" : "TLS");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    private static X509Certificate2 LoadCertificate(ServeOptions o) => o.CertificateKeyPath is { } key
        ? X509Certificate2.CreateFromPemFile(o.CertificatePath!, key)
        : X509CertificateLoader.LoadPkcs12FromFile(o.CertificatePath!, o.CertificatePassword);
}
