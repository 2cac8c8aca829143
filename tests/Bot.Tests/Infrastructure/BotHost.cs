using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Dispatch;
using Nginx502Bot.Bot.LocalConsole;
using Nginx502Bot.Bot.Slack;

namespace Nginx502Bot.Bot.Tests.Infrastructure;

/// <summary>
/// The bot as the composition root will assemble it (AddChat, AddDispatch, AddChatCommands, AddSlack, AddConsole,
/// MapSlackEndpoints, MapConsole), on Kestrel at 127.0.0.1 port 0, talking to a <see cref="LocalSlackServer"/>.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret";

    private BotHost(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<BotHost> StartAsync(LocalSlackServer slack, bool socketMode = false, Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Slack:BotToken"] = LocalSlackServer.BotToken,
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:AppToken"] = LocalSlackServer.AppToken,
            ["Slack:UseSocketMode"] = socketMode.ToString(),
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl,
            ["Slack:BotUserId"] = "UBOT",
            ["Slack:ReconnectDelay"] = "00:00:00.100",
            ["Dispatch:PerAgentTimeout"] = "00:00:01",
            ["Dispatch:ProgressInterval"] = "00:00:00.100",
        });
        builder.Services.AddChat().AddDispatch(builder.Configuration).AddChatCommands().AddSlack(builder.Configuration).AddConsole(builder.Configuration);
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSlackEndpoints();
        app.MapConsole();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BotHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>A request signed the way Slack signs it, with the given timestamp (default: now).</summary>
    public static HttpRequestMessage SignedRequest(string path, string body, string contentType, DateTimeOffset? at = null, string secret = SigningSecret)
    {
        var timestamp = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    public static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
