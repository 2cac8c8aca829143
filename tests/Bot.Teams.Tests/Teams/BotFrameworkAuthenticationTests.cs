using System.Net;
using Nginx502Bot.Bot.Teams.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Teams.Tests.Teams;

/// <summary>
/// /api/messages over real HTTP with tokens signed by a local OpenID provider: only a token the connector could have
/// issued for our app id and this activity's serviceUrl reaches the handler; everything else is a 401.
/// </summary>
public sealed class BotFrameworkAuthenticationTests : IAsyncLifetime
{
    private LocalOpenIdProvider _provider = null!;
    private LocalConnectorServer _connector = null!;
    private TeamsBotHost _bot = null!;

    private string ServiceUrl => _connector.BaseUrl + "/";

    public async Task InitializeAsync()
    {
        _provider = await LocalOpenIdProvider.StartAsync();
        _connector = await LocalConnectorServer.StartAsync();
        _bot = await TeamsBotHost.StartAsync(_provider, _connector);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task ValidToken_Accepted_HandlerRunsAndAnswers()
    {
        using var response = await PostHelpAsync(_provider.Token(LocalConnectorServer.AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_bot.Handler.Handled);
        Assert.True(await LocalConnectorServer.WaitUntilAsync(() => _connector.Delivered.Count == 1, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task ExpiredWithinClockSkew_Accepted()
    {
        using var response = await PostHelpAsync(_provider.Token(LocalConnectorServer.AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-2)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WrongAudience_Rejected()
    {
        await AssertRejectedAsync(_provider.Token("another-bots-app-id", ServiceUrl));
    }

    [Fact]
    public async Task WrongIssuer_Rejected()
    {
        await AssertRejectedAsync(_provider.Token(LocalConnectorServer.AppId, ServiceUrl, issuer: "https://sts.windows.net/evil/"));
    }

    [Fact]
    public async Task Expired_Rejected()
    {
        await AssertRejectedAsync(_provider.Token(LocalConnectorServer.AppId, ServiceUrl, expires: DateTime.UtcNow.AddMinutes(-10)));
    }

    [Fact]
    public async Task SignedByUnpublishedKey_Rejected()
    {
        await AssertRejectedAsync(_provider.Token(LocalConnectorServer.AppId, ServiceUrl, key: LocalOpenIdProvider.NewKey()));
    }

    [Fact]
    public async Task UnpublishedKeyClaimingPublishedKid_Rejected()
    {
        var impostor = LocalOpenIdProvider.NewKey();
        impostor.KeyId = _provider.CurrentKeyId;

        await AssertRejectedAsync(_provider.Token(LocalConnectorServer.AppId, ServiceUrl, key: impostor));
    }

    [Fact]
    public async Task ServiceUrlClaimForAnotherService_Rejected()
    {
        await AssertRejectedAsync(_provider.Token(LocalConnectorServer.AppId, "https://smba.trafficmanager.net/emea/"));
    }

    [Fact]
    public async Task ChannelTheSigningKeyDoesNotEndorse_Rejected()
    {
        var activity = Activities.ChannelMention(ServiceUrl, "502 help");
        activity["channelId"] = "slack";

        using var response = await _bot.PostActivityAsync(activity.ToJsonString(), _provider.Token(LocalConnectorServer.AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Handler.Handled);
    }

    [Fact]
    public async Task ValidTokenMalformedBody_BadRequest_HandlerNotInvoked()
    {
        using var response = await _bot.PostActivityAsync("{\"type\": \"message\", \"conversation\": ", _provider.Token(LocalConnectorServer.AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_bot.Handler.Handled);
    }

    [Fact]
    public async Task TamperedPayload_Rejected()
    {
        var parts = _provider.Token(LocalConnectorServer.AppId, ServiceUrl).Split('.');
        var forged = _provider.Token("another-bots-app-id", ServiceUrl).Split('.');

        await AssertRejectedAsync($"{parts[0]}.{forged[1]}.{parts[2]}");
    }

    [Fact]
    public async Task MissingOrNonBearerToken_Rejected()
    {
        await AssertRejectedAsync(null);
        await AssertRejectedAsync("not-a-jwt");
    }

    [Fact]
    public async Task KeyRotation_NewKidAcceptedAfterRefresh_RefreshesBounded()
    {
        using (var first = await PostHelpAsync(_provider.Token(LocalConnectorServer.AppId, ServiceUrl), "m1"))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        _provider.Rotate();
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        using (var rotated = await PostHelpAsync(_provider.Token(LocalConnectorServer.AppId, ServiceUrl), "m2"))
        {
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        }

        Assert.Equal(2, _provider.KeyRequests);

        // Tokens with made-up key ids force at most one refresh per MinSigningKeysRefreshInterval (1 s here).
        var forged = Enumerable.Range(0, 5).Select(_ => _provider.Token(LocalConnectorServer.AppId, ServiceUrl, key: LocalOpenIdProvider.NewKey())).ToList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var responses = await Task.WhenAll(forged.Select((t, i) => PostHelpAsync(t, $"f{i}")));
        var allowed = 1 + (int)watch.Elapsed.TotalSeconds;

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.InRange(_provider.KeyRequests - 2, 0, allowed);
        Assert.Equal(2, _bot.Handler.Handled.Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private Task<HttpResponseMessage> PostHelpAsync(string? token, string id = "1700000000001") =>
        _bot.PostActivityAsync(Activities.ChannelMention(ServiceUrl, "502 help", id).ToJsonString(), token);

    private async Task AssertRejectedAsync(string? token)
    {
        using var response = await PostHelpAsync(token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Handler.Handled);
        await Task.Delay(200);
        Assert.Empty(_connector.Calls);
    }
}
