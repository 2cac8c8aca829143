using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Nginx502Bot.Bot.Teams.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Teams.Tests.Teams;

/// <summary>Outbound calls against the local connector over real HTTP: token caching, retries, allowlist, paths.</summary>
public sealed class TeamsConnectorClientTests : IAsyncLifetime
{
    private const string Conversation = "19:ops-channel@thread.tacv2;messageid=1700000000001";
    private LocalConnectorServer _connector = null!;

    private string ServiceUrl => _connector.BaseUrl + "/";

    public async Task InitializeAsync() => _connector = await LocalConnectorServer.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task TwoPosts_OneTokenRequest_PathsAndBearerAsDocumented()
    {
        var client = NewClient(out _);

        var first = await client.SendToConversationAsync(ServiceUrl, Conversation, Message("one"), CancellationToken.None);
        var reply = await client.ReplyToActivityAsync(ServiceUrl, Conversation, first, Message("two"), CancellationToken.None);
        await client.UpdateActivityAsync(ServiceUrl, Conversation, reply, Message("three"), CancellationToken.None);

        Assert.Equal(1, _connector.TokenRequests);
        var calls = _connector.Delivered;
        Assert.Equal(("POST", $"/v3/conversations/{Conversation}/activities"), (calls[0].Method, calls[0].Path));
        Assert.Equal(("POST", $"/v3/conversations/{Conversation}/activities/{first}"), (calls[1].Method, calls[1].Path));
        Assert.Equal(first, calls[1].Json["replyToId"]!.GetValue<string>());
        Assert.Equal(("PUT", $"/v3/conversations/{Conversation}/activities/{reply}"), (calls[2].Method, calls[2].Path));
        Assert.Equal(reply, calls[2].Json["id"]!.GetValue<string>());
        Assert.All(calls, c => Assert.Equal(calls[0].Authorization, c.Authorization));
    }

    [Fact]
    public async Task TokenNearExpiry_Renewed()
    {
        _connector.TokenLifetimeSeconds = 2;
        var client = NewClient(out _);

        await client.SendToConversationAsync(ServiceUrl, Conversation, Message("one"), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.3));
        await client.SendToConversationAsync(ServiceUrl, Conversation, Message("two"), CancellationToken.None);

        Assert.Equal(2, _connector.TokenRequests);
        Assert.NotEqual(_connector.Delivered[0].Authorization, _connector.Delivered[1].Authorization);
    }

    [Fact]
    public async Task TooManyRequests_WaitsForRetryAfter_ThenDelivers()
    {
        var client = NewClient(out _);
        _connector.Fail(429, times: 1, retryAfter: "1");
        var watch = Stopwatch.StartNew();

        await client.SendToConversationAsync(ServiceUrl, Conversation, Message("one"), CancellationToken.None);

        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {watch.Elapsed}");
        Assert.Equal([429, 200], _connector.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task ServerErrors_RetriedWithBackoff_ThenDelivers()
    {
        var client = NewClient(out _);
        _connector.Fail(503, times: 2);

        await client.SendToConversationAsync(ServiceUrl, Conversation, Message("one"), CancellationToken.None);

        Assert.Equal([503, 503, 200], _connector.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task PersistentServerError_GivesUpAfterMaxRetries()
    {
        var client = NewClient(out _);
        _connector.Fail(500, times: 10);

        var error = await Assert.ThrowsAsync<TeamsConnectorException>(() => client.SendToConversationAsync(ServiceUrl, Conversation, Message("one"), CancellationToken.None));

        Assert.Equal("http_500", error.Error);
        Assert.Equal(4, _connector.Calls.Count);
    }

    [Fact]
    public async Task ClientError_NotRetried()
    {
        var client = NewClient(out _);
        _connector.Fail(403, times: 3);

        var error = await Assert.ThrowsAsync<TeamsConnectorException>(() => client.SendToConversationAsync(ServiceUrl, Conversation, Message("one"), CancellationToken.None));

        Assert.Equal("http_403", error.Error);
        Assert.Single(_connector.Calls);
    }

    [Fact]
    public async Task RevokedToken_RenewedOnce_ThenDelivers()
    {
        var client = NewClient(out _);
        await client.SendToConversationAsync(ServiceUrl, Conversation, Message("one"), CancellationToken.None);
        _connector.RevokeTokens();

        await client.SendToConversationAsync(ServiceUrl, Conversation, Message("two"), CancellationToken.None);

        Assert.Equal(2, _connector.TokenRequests);
        Assert.Equal([200, 401, 200], _connector.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task ServiceUrlNotAllowed_NoRequestNoToken()
    {
        var client = NewClient(out _);
        var elsewhere = _connector.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/";

        var error = await Assert.ThrowsAsync<TeamsConnectorException>(() => client.SendToConversationAsync(elsewhere, Conversation, Message("one"), CancellationToken.None));

        Assert.Equal("service_url_not_allowed", error.Error);
        Assert.Empty(_connector.Calls);
        Assert.Equal(0, _connector.TokenRequests);
    }

    [Fact]
    public async Task WrongSecret_TokenRequestFails_WithoutLeakingIt()
    {
        var client = NewClient(out _, password: "wrong-password");

        var error = await Assert.ThrowsAsync<TeamsConnectorException>(() => client.SendToConversationAsync(ServiceUrl, Conversation, Message("one"), CancellationToken.None));

        Assert.Equal("http_401", error.Error);
        Assert.DoesNotContain("wrong-password", error.Message, StringComparison.Ordinal);
        Assert.Empty(_connector.Calls);
    }

    private TeamsConnectorClient NewClient(out TeamsOptions options, string password = LocalConnectorServer.AppPassword)
    {
        options = new TeamsOptions
        {
            AppId = LocalConnectorServer.AppId,
            AppPassword = password,
            TokenEndpoint = _connector.TokenEndpoint,
            AllowedServiceUrlHosts = ["127.0.0.1"],
            AllowHttpServiceUrl = true,
            RetryDelay = TimeSpan.FromMilliseconds(20),
        };
        var wrapped = Options.Create(options);
        var tokens = new BotFrameworkTokenProvider(new HttpClient(), wrapped, TimeProvider.System);
        return new TeamsConnectorClient(new HttpClient(), tokens, new ServiceUrlPolicy(wrapped), wrapped, TimeProvider.System);
    }

    private static JsonObject Message(string text) => new() { ["type"] = "message", ["text"] = text };
}
