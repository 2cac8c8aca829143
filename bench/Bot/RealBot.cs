using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Nginx502Bot.Agent.Bench;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Bench;

/// <summary>The real bot host (<see cref="Hosting.BotHost.Build"/>) with Slack configured against the local recorder.</summary>
public sealed class RealBot : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RealBot(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public static async Task<RealBot> StartAsync(LocalSlackServer slack, IReadOnlyList<AgentProcess> agents)
    {
        var port = FreePort();
        var args = new List<string>
        {
            $"--urls=http://127.0.0.1:{port}",
            "--Slack:BotToken=" + LocalSlackServer.BotToken,
            "--Slack:SigningSecret=" + SlashCommands.SigningSecret,
            "--Slack:ApiBaseUrl=" + slack.ApiBaseUrl,
            "--Slack:BotUserId=UBOT",
            "--Logging:LogLevel:Default=Warning",
        };
        for (var i = 0; i < agents.Count; i++)
        {
            args.Add(string.Create(CultureInfo.InvariantCulture, $"--Agents:Endpoints:{i}:Name=agent{i}"));
            args.Add(string.Create(CultureInfo.InvariantCulture, $"--Agents:Endpoints:{i}:Address={agents[i].Address}"));
            args.Add(string.Create(CultureInfo.InvariantCulture, $"--Agents:Endpoints:{i}:Token={AgentProcess.Token}"));
        }

        var app = Hosting.BotHost.Build([.. args]);
        await app.StartAsync();
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false, MaxConnectionsPerServer = 1000 })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(10),
        };
        return new RealBot(app, client);
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
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
