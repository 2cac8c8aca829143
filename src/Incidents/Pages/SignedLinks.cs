using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Configuration;

namespace Nginx502Bot.Incidents.Pages;

/// <summary>
/// Signed links to incident pages: <c>?exp=UNIX&amp;sig=HEX</c> where sig = HMAC-SHA256(key, "resource:exp").
/// The resource is the incident number (incident and post-mortem pages) or <c>list</c>. Without a configured key a
/// random one is used, so links then only work on this instance until it restarts.
/// </summary>
public sealed class SignedLinks(IOptions<PagesOptions> options, TimeProvider timeProvider)
{
    private readonly byte[] key = options.Value.SigningKey.Length > 0
        ? Convert.FromBase64String(options.Value.SigningKey)
        : RandomNumberGenerator.GetBytes(32);

    public string IncidentUrl(long number) => Url($"/incidents/{number}", number.ToString());

    public string PostmortemUrl(long number) => Url($"/incidents/{number}/postmortem", number.ToString());

    public string ListUrl() => Url("/incidents", "list");

    /// <summary>The query string for <paramref name="resource"/>, valid for the configured lifetime.</summary>
    public string Sign(string resource)
    {
        var expires = (timeProvider.GetUtcNow() + options.Value.LinkLifetime).ToUnixTimeSeconds();
        return $"exp={expires}&sig={Signature(resource, expires)}";
    }

    /// <summary>True when the signature matches and the link has not expired; constant-time comparison.</summary>
    public bool Verify(string resource, long expires, string signature)
    {
        if (expires < timeProvider.GetUtcNow().ToUnixTimeSeconds() || signature.Length != 64)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(Signature(resource, expires)), Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }

    private string Url(string path, string resource) => $"{options.Value.BaseUrl.TrimEnd('/')}{path}?{Sign(resource)}";

    private string Signature(string resource, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{resource}:{expires}")));
}
