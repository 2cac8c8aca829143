using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// The bearer token for calls to the Bot Connector: OAuth 2.0 client credentials (app id and password) against
/// <see cref="TeamsOptions.TokenEndpoint"/> for <see cref="TeamsOptions.TokenScope"/>. Cached until
/// <see cref="TeamsOptions.TokenRenewBefore"/> ahead of its expiry; concurrent callers share one request.
/// </summary>
public sealed class BotFrameworkTokenProvider(HttpClient http, IOptions<TeamsOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } hit && time.GetUtcNow() < hit.RenewAt)
        {
            return hit.Token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && time.GetUtcNow() < again.RenewAt)
            {
                return again.Token;
            }

            var fresh = await RequestAsync(cancellationToken);
            _cached = fresh;
            return fresh.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Drops the cached token (after the connector answered 401 to it).</summary>
    public void Invalidate() => _cached = null;

    private async Task<(string Token, DateTimeOffset RenewAt)> RequestAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = o.AppId,
            ["client_secret"] = o.AppPassword,
            ["scope"] = o.TokenScope,
        });
        using var response = await http.PostAsync(new Uri(o.TokenEndpoint), form, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo request details; only the status is reported.
            throw new TeamsConnectorException("token", $"http_{(int)response.StatusCode}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        var token = TeamsActivity.Str(body, "access_token") ?? throw new TeamsConnectorException("token", "missing_access_token");
        var lifetime = ExpiresIn(body) is { } seconds and > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(30);
        var renewAt = time.GetUtcNow() + lifetime - (lifetime > o.TokenRenewBefore * 2 ? o.TokenRenewBefore : lifetime / 2);
        return (token, renewAt);
    }

    /// <summary>v2.0 sends a number, older endpoints a string.</summary>
    private static int? ExpiresIn(JsonElement body) =>
        !body.TryGetProperty("expires_in", out var e) ? null
        : e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var n) ? n
        : e.ValueKind == JsonValueKind.String && int.TryParse(e.GetString(), out var s) ? s
        : null;

    /// <summary>Releases the gate and the HTTP client the composition root handed over.</summary>
    public void Dispose()
    {
        _gate.Dispose();
        http.Dispose();
    }
}
