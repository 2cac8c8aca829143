using Microsoft.IdentityModel.Tokens;

namespace Nginx502Bot.Bot.Teams;

/// <summary>The Bot Connector's signing keys as fetched at <paramref name="FetchedAt"/>, by key id, with each key's channel endorsements.</summary>
public sealed record SigningKeySnapshot(
    IReadOnlyDictionary<string, JsonWebKey> Keys,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Endorsements,
    DateTimeOffset FetchedAt)
{
    public static SigningKeySnapshot Empty { get; } = new(new Dictionary<string, JsonWebKey>(), new Dictionary<string, IReadOnlyList<string>>(), DateTimeOffset.MinValue);
}
