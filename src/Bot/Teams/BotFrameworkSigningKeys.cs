using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// The Bot Connector's signing keys, read from the OpenID metadata document's <c>jwks_uri</c> and cached for
/// <see cref="TeamsOptions.SigningKeysLifetime"/>. A token naming an unknown key id forces a refresh (the connector
/// rotated its keys), at most once per <see cref="TeamsOptions.MinSigningKeysRefreshInterval"/> so that tokens with
/// made-up key ids cannot turn the bot into a load generator against the metadata endpoint. A failed refresh keeps
/// the keys already known.
/// </summary>
public sealed partial class BotFrameworkSigningKeys(HttpClient http, IOptions<TeamsOptions> options, TimeProvider time, ILogger<BotFrameworkSigningKeys> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SigningKeySnapshot _current = SigningKeySnapshot.Empty;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;
    private int _fetches;

    /// <summary>How many times the metadata and key set were fetched (for operators and tests).</summary>
    public int Fetches => Volatile.Read(ref _fetches);

    /// <summary>The current keys, fetched first when none are cached or the cache is older than its lifetime.</summary>
    public async Task<SigningKeySnapshot> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _current);
        return IsStale(snapshot) ? await RefreshAsync(IsStale, cancellationToken) : snapshot;
    }

    /// <summary>Keys after a refresh for an unknown <paramref name="keyId"/>, unless one happened within the minimum interval.</summary>
    public Task<SigningKeySnapshot> RefreshForUnknownKeyAsync(string keyId, CancellationToken cancellationToken) =>
        RefreshAsync(s => IsStale(s) || !s.Keys.ContainsKey(keyId), cancellationToken);

    private bool IsStale(SigningKeySnapshot snapshot) => time.GetUtcNow() - snapshot.FetchedAt >= options.Value.SigningKeysLifetime;

    /// <summary>Fetches when <paramref name="needed"/> still holds under the gate (another request may have just refreshed) and the last attempt is old enough.</summary>
    private async Task<SigningKeySnapshot> RefreshAsync(Func<SigningKeySnapshot, bool> needed, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (!needed(_current) || now - _lastAttempt < options.Value.MinSigningKeysRefreshInterval)
            {
                return _current;
            }

            _lastAttempt = now;
            if (await TryFetchAsync(cancellationToken) is { } fetched)
            {
                Volatile.Write(ref _current, fetched);
            }

            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<SigningKeySnapshot?> TryFetchAsync(CancellationToken cancellationToken)
    {
        try
        {
            Interlocked.Increment(ref _fetches);
            var metadata = await http.GetFromJsonAsync<JsonElement>(options.Value.OpenIdMetadataUrl, cancellationToken);
            var jwksUri = metadata.TryGetProperty("jwks_uri", out var uri) ? uri.GetString() : null;
            if (string.IsNullOrEmpty(jwksUri))
            {
                LogFetchFailed(logger, "metadata has no jwks_uri");
                return null;
            }

            var json = await http.GetStringAsync(new Uri(new Uri(options.Value.OpenIdMetadataUrl), jwksUri), cancellationToken);
            return Parse(json, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException or ArgumentException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFetchFailed(logger, ex.Message);
            return null;
        }
    }

    /// <summary>Reads a JWKS document: RSA signing keys with a key id, and the Bot Framework's per-key <c>endorsements</c>.</summary>
    public static SigningKeySnapshot Parse(string json, DateTimeOffset fetchedAt)
    {
        var keys = new Dictionary<string, JsonWebKey>(StringComparer.Ordinal);
        var endorsements = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var key in new JsonWebKeySet(json).Keys.Where(k => !string.IsNullOrEmpty(k.Kid) && k.Kty == JsonWebAlgorithmsKeyTypes.RSA))
        {
            keys[key.Kid] = key;
        }

        using var document = JsonDocument.Parse(json);
        foreach (var key in document.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (key.TryGetProperty("kid", out var kid) && key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                endorsements[kid.GetString() ?? ""] = [.. list.EnumerateArray().Select(e => e.GetString() ?? "")];
            }
        }

        return new SigningKeySnapshot(keys, endorsements, fetchedAt);
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Fetching the Bot Connector signing keys failed: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, string reason);

    /// <summary>Releases the gate and the HTTP client the composition root handed over.</summary>
    public void Dispose()
    {
        _gate.Dispose();
        http.Dispose();
    }
}
