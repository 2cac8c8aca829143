using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// Decides which <c>serviceUrl</c>s the bot may call. Every outbound call carries a token for our app id, so an
/// activity must not be able to send it anywhere: the host must be on <see cref="TeamsOptions.AllowedServiceUrlHosts"/>
/// (exact or <c>*.suffix</c>) and the scheme HTTPS unless <see cref="TeamsOptions.AllowHttpServiceUrl"/>.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<TeamsOptions> options)
{
    public bool IsAllowed(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        var schemeOk = uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && options.Value.AllowHttpServiceUrl);
        return schemeOk && options.Value.EffectiveServiceUrlHosts.Any(pattern => HostMatches(uri.IdnHost, pattern));
    }

    private static bool HostMatches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase);
}
