namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// A checked token: <paramref name="ServiceUrl"/> is its <c>serviceurl</c> claim and <paramref name="Endorsements"/>
/// the channels its signing key may speak for (empty when the key set lists none).
/// </summary>
public sealed record TokenCheckResult(TokenCheck Check, string? ServiceUrl, IReadOnlyList<string> Endorsements, string? Detail = null)
{
    public static TokenCheckResult Fail(TokenCheck check, string? detail = null) => new(check, null, [], detail);
}
