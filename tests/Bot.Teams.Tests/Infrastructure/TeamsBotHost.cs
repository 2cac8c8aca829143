using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Bot.Commands;
using Nginx502Bot.Bot.Dispatch;

namespace Nginx502Bot.Bot.Teams.Tests.Infrastructure;

/// <summary>
/// The bot as the composition root assembles it for Teams (AddChat, AddDispatch, AddChatCommands, AddTeams,
/// MapTeamsEndpoints) on Kestrel at 127.0.0.1 port 0, trusting a <see cref="LocalOpenIdProvider"/> and talking to a
/// <see cref="LocalConnectorServer"/>. The activity handler is wrapped so tests can see what reached it.
/// </summary>
public sealed class TeamsBotHost : IAsyncDisposable
{
    private TeamsBotHost(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public RecordingActivityHandler Handler => (RecordingActivityHandler)App.Services.GetRequiredService<ITeamsActivityHandler>();

    public static async Task<TeamsBotHost> StartAsync(
        LocalOpenIdProvider provider, LocalConnectorServer connector, Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var config = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = LocalConnectorServer.AppId,
            ["Teams:AppPassword"] = LocalConnectorServer.AppPassword,
            ["Teams:OpenIdMetadataUrl"] = provider.MetadataUrl,
            ["Teams:TokenEndpoint"] = connector.TokenEndpoint,
            ["Teams:AllowedServiceUrlHosts:0"] = "127.0.0.1",
            ["Teams:AllowHttpServiceUrl"] = "true",
            ["Teams:MinSigningKeysRefreshInterval"] = "00:00:01",
            ["Teams:RetryDelay"] = "00:00:00.050",
            ["Dispatch:PerAgentTimeout"] = "00:00:01",
            ["Dispatch:ProgressInterval"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddChat().AddDispatch(builder.Configuration).AddChatCommands().AddTeams(builder.Configuration);
        builder.Services.TryAddSingleton<TeamsInboundHandler>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ITeamsActivityHandler>(sp => new RecordingActivityHandler(sp.GetRequiredService<TeamsInboundHandler>())));
        configure?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapTeamsEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TeamsBotHost(app, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>POSTs an activity to /api/messages with the given bearer token (none when null).</summary>
    public Task<HttpResponseMessage> PostActivityAsync(string activityJson, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(activityJson, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
