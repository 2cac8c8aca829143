using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// Validates the <c>Authorization: Bearer</c> token the Bot Connector puts on every activity, as its authentication
/// document requires: RS256 signature by a key from the OpenID metadata (the key id must be known, refreshed once on
/// rotation), issuer <see cref="TeamsOptions.Issuer"/>, audience our app id, a lifetime within
/// <see cref="TeamsOptions.ClockSkew"/>. The caller then compares the <c>serviceurl</c> claim and the key's
/// endorsements with the activity (<see cref="MatchActivity"/>). Signature checks are Microsoft.IdentityModel's.
/// </summary>
public sealed class BotFrameworkTokenValidator(BotFrameworkSigningKeys keys, IOptions<TeamsOptions> options)
{
    public const string ServiceUrlClaim = "serviceurl";
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public async Task<TokenCheckResult> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheckResult.Fail(TokenCheck.Missing);
        }

        var token = authorization["Bearer ".Length..].Trim();
        if (!_handler.CanReadToken(token))
        {
            return TokenCheckResult.Fail(TokenCheck.Malformed);
        }

        var keyId = new JsonWebToken(token).Kid;
        if (string.IsNullOrEmpty(keyId))
        {
            return TokenCheckResult.Fail(TokenCheck.Malformed, "no kid");
        }

        var snapshot = await keys.GetAsync(cancellationToken);
        if (!snapshot.Keys.ContainsKey(keyId))
        {
            snapshot = await keys.RefreshForUnknownKeyAsync(keyId, cancellationToken);
        }

        return snapshot.Keys.TryGetValue(keyId, out var key)
            ? await ValidateWithKeyAsync(token, key, snapshot.Endorsements.GetValueOrDefault(keyId) ?? [])
            : TokenCheckResult.Fail(TokenCheck.UnknownKey, keyId);
    }

    /// <summary>The token's <c>serviceurl</c> must be the activity's, and a key with endorsements must endorse the activity's channel.</summary>
    public static TokenCheckResult MatchActivity(TokenCheckResult token, string? activityServiceUrl, string? activityChannelId)
    {
        if (token.Check != TokenCheck.Valid)
        {
            return token;
        }

        if (token.ServiceUrl is null || activityServiceUrl is null || !SameServiceUrl(token.ServiceUrl, activityServiceUrl))
        {
            return TokenCheckResult.Fail(TokenCheck.ServiceUrlMismatch);
        }

        return token.Endorsements.Count > 0 && !string.IsNullOrEmpty(activityChannelId) && !token.Endorsements.Contains(activityChannelId, StringComparer.Ordinal)
            ? TokenCheckResult.Fail(TokenCheck.NotEndorsed, activityChannelId)
            : token;
    }

    private async Task<TokenCheckResult> ValidateWithKeyAsync(string token, JsonWebKey key, IReadOnlyList<string> endorsements)
    {
        var result = await _handler.ValidateTokenAsync(token, Parameters(key));
        if (!result.IsValid)
        {
            return TokenCheckResult.Fail(TokenCheck.Invalid, result.Exception?.GetType().Name);
        }

        var serviceUrl = result.Claims.TryGetValue(ServiceUrlClaim, out var claim) ? claim as string : null;
        return new TokenCheckResult(TokenCheck.Valid, serviceUrl, endorsements);
    }

    private TokenValidationParameters Parameters(JsonWebKey key) => new()
    {
        ValidateIssuer = true,
        ValidIssuer = options.Value.Issuer,
        ValidateAudience = true,
        ValidAudience = options.Value.AppId,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = options.Value.ClockSkew,
        ValidateIssuerSigningKey = true,
        IssuerSigningKeys = [key],
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
    };

    /// <summary>Trailing slashes and letter case of scheme and host do not make two service URLs different.</summary>
    private static bool SameServiceUrl(string a, string b) =>
        Uri.TryCreate(a.TrimEnd('/'), UriKind.Absolute, out var x) && Uri.TryCreate(b.TrimEnd('/'), UriKind.Absolute, out var y) && x == y;
}
