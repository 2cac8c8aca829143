using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;

namespace Nginx502Bot.Bot.Tests.Infrastructure;

/// <summary>
/// The bot exactly as <c>nginx502bot serve</c> builds it (the real composition root, <see cref="Hosting.BotHost"/>),
/// with a database: Slack pointed at a <see cref="LocalSlackServer"/>, or the local console when
/// <paramref name="slack"/> is null. Listens on a free loopback port that is also the signed links' base URL.
/// Each host has its own outbox directory (one process per outbox) and no scheduler (the Incidents tests cover it).
/// </summary>
public sealed class IncidentBotHost : IAsyncDisposable
{
    private readonly string _outbox;

    private IncidentBotHost(WebApplication app, HttpClient client, string outbox)
    {
        App = app;
        Client = client;
        _outbox = outbox;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>A key shared by every host of one test, as replicas share theirs.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static async Task<IncidentBotHost> StartAsync(TestPostgres db, LocalSlackServer? slack, string signingKey, string logTimeZone = "UTC")
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var outbox = Path.Combine(Path.GetTempPath(), $"n502-bot-outbox-{Guid.NewGuid():N}");
        var args = new List<string>
        {
            $"--urls={url}",
            $"--Incidents:ConnectionString={db.ConnectionString}",
            $"--Incidents:OutboxDirectory={outbox}",
            "--Incidents:Schedules:Enabled=false",
            $"--Incidents:Pages:SigningKey={signingKey}",
            $"--Incidents:Chat:LogTimeZone={logTimeZone}",
            $"--Console:Url={url}",
            "--Logging:LogLevel:Default=Warning",
            "--Dispatch:PerAgentTimeout=00:00:01",
            "--Dispatch:ProgressInterval=00:00:00.100",
        };
        if (slack is not null)
        {
            args.AddRange(
            [
                $"--Slack:BotToken={LocalSlackServer.BotToken}",
                $"--Slack:SigningSecret={BotHost.SigningSecret}",
                $"--Slack:ApiBaseUrl={slack.ApiBaseUrl}",
                "--Slack:BotUserId=UBOT",
                $"--Incidents:Pages:BaseUrl={url}",
            ]);
        }

        var app = Hosting.BotHost.Build([.. args]);
        await app.StartAsync();
        return new IncidentBotHost(app, new HttpClient { BaseAddress = new Uri(url) }, outbox);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        if (Directory.Exists(_outbox))
        {
            Directory.Delete(_outbox, recursive: true);
        }
    }
}
