using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Nginx502Bot.Bot.Teams.Tests.Infrastructure;

/// <summary>
/// A local Bot Connector on 127.0.0.1 (real HTTP, Kestrel): the client-credentials token endpoint (checks grant type,
/// client id, secret and scope; issues numbered tokens) and the v3 conversation routes the bot uses (send, reply,
/// update), which require a token it issued. Failures (429 with Retry-After, 5xx, 401) can be scripted; every
/// conversation call is recorded.
/// </summary>
public sealed class LocalConnectorServer : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string AppPassword = "test-app-password";
    public const string Scope = "https://api.botframework.com/.default";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentQueue<(int Status, string? RetryAfter)> _failures = new();
    private readonly ConcurrentDictionary<string, byte> _issued = new(StringComparer.Ordinal);
    private int _tokenRequests;
    private int _activityIds;

    private LocalConnectorServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public string TokenEndpoint => BaseUrl + "/botframework.com/oauth2/v2.0/token";

    /// <summary>Lifetime of issued tokens, in seconds.</summary>
    public int TokenLifetimeSeconds { get; set; } = 3600;

    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    public IReadOnlyList<ConnectorCall> Calls => [.. _calls];

    /// <summary>Successful conversation calls only (what a Teams user would see).</summary>
    public IReadOnlyList<ConnectorCall> Delivered => [.. _calls.Where(c => c.Status is >= 200 and < 300)];

    /// <summary>The next conversation calls answer these statuses, in order (with Retry-After when given).</summary>
    public void Fail(int status, int times = 1, string? retryAfter = null)
    {
        for (var i = 0; i < times; i++)
        {
            _failures.Enqueue((status, retryAfter));
        }
    }

    /// <summary>Revokes every issued token, as a rotated secret would.</summary>
    public void RevokeTokens() => _issued.Clear();

    public static async Task<LocalConnectorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalConnectorServer(app);
        app.MapPost("/botframework.com/oauth2/v2.0/token", (Delegate)server.TokenAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", server.ActivityAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", server.ActivityAsync);
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", server.ActivityAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return server;
    }

    /// <summary>Polls until <paramref name="condition"/> holds or the timeout passes; returns whether it held.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(20);
        }

        return condition();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> TokenAsync(HttpContext http)
    {
        Interlocked.Increment(ref _tokenRequests);
        var form = await http.Request.ReadFormAsync();
        if (form["grant_type"] != "client_credentials" || form["scope"] != Scope)
        {
            return Results.Json(new { error = "invalid_request" }, statusCode: 400);
        }

        if (form["client_id"] != AppId || form["client_secret"] != AppPassword)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }

        var token = "connector-token-" + Guid.NewGuid().ToString("N");
        _issued[token] = 0;
        return Results.Json(new { token_type = "Bearer", expires_in = TokenLifetimeSeconds, ext_expires_in = TokenLifetimeSeconds, access_token = token });
    }

    private async Task<IResult> ActivityAsync(HttpContext http, string conversationId, string? activityId)
    {
        var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
        var auth = http.Request.Headers.Authorization.ToString();
        var path = Uri.UnescapeDataString(http.Request.Path.Value ?? "");
        var status = Status(auth, http);
        _calls.Enqueue(new ConnectorCall(http.Request.Method, path, auth, body, status));
        if (status != 200)
        {
            return Results.StatusCode(status);
        }

        var id = http.Request.Method == HttpMethods.Put ? activityId! : "activity-" + Interlocked.Increment(ref _activityIds).ToString(CultureInfo.InvariantCulture);
        return Results.Json(new { id });
    }

    private int Status(string auth, HttpContext http)
    {
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !_issued.ContainsKey(auth["Bearer ".Length..]))
        {
            return 401;
        }

        if (!_failures.TryDequeue(out var failure))
        {
            return 200;
        }

        if (failure.RetryAfter is not null)
        {
            http.Response.Headers.RetryAfter = failure.RetryAfter;
        }

        return failure.Status;
    }
}
