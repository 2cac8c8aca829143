using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Nginx502Bot.Bot.Teams.Tests.Infrastructure;

/// <summary>
/// A local stand-in for login.botframework.com on 127.0.0.1: serves the OpenID configuration document and a JWKS of
/// the currently published RSA keys (with Bot Framework endorsements), and signs tokens with keys generated here.
/// <see cref="Rotate"/> publishes a new key and withdraws the old one, as the connector does when it rotates.
/// </summary>
public sealed class LocalOpenIdProvider : IAsyncDisposable
{
    public const string Issuer = "https://api.botframework.com";
    public const string Channel = "msteams";

    private readonly WebApplication _app;
    private readonly JsonWebTokenHandler _handler = new();
    private RsaSecurityKey _current;
    private int _keyRequests;

    private LocalOpenIdProvider(WebApplication app)
    {
        _app = app;
        _current = NewKey();
    }

    public string BaseUrl { get; private set; } = "";

    public string MetadataUrl => BaseUrl + "/v1/.well-known/openidconfiguration";

    public string CurrentKeyId => _current.KeyId;

    /// <summary>How many times the JWKS was fetched.</summary>
    public int KeyRequests => Volatile.Read(ref _keyRequests);

    public static async Task<LocalOpenIdProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new LocalOpenIdProvider(app);
        app.MapGet("/v1/.well-known/openidconfiguration", provider.Metadata);
        app.MapGet("/v1/keys", provider.Keys);
        await app.StartAsync();
        provider.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return provider;
    }

    /// <summary>A fresh 2048-bit RSA key with a random key id; not published unless it becomes current.</summary>
    public static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };

    /// <summary>Publishes a new key instead of the current one; returns the new key id.</summary>
    public string Rotate()
    {
        _current = NewKey();
        return _current.KeyId;
    }

    /// <summary>A token as the Bot Connector issues it; every field can be spoiled by the test.</summary>
    public string Token(string audience, string serviceUrl, string issuer = Issuer, DateTime? expires = null, RsaSecurityKey? key = null)
    {
        var exp = expires ?? DateTime.UtcNow.AddMinutes(30);
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = exp.AddHours(-1),
            NotBefore = exp.AddHours(-1),
            Expires = exp,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = new SigningCredentials(key ?? _current, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Metadata() => Results.Json(new JsonObject
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = BaseUrl + "/v1/authorize",
        ["jwks_uri"] = BaseUrl + "/v1/keys",
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    });

    private IResult Keys()
    {
        Interlocked.Increment(ref _keyRequests);
        var parameters = _current.Rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = _current.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray(Channel, "webchat"),
        };
        return Results.Json(new JsonObject { ["keys"] = new JsonArray(jwk) });
    }
}
