using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Teams;

/// <summary>Reports every problem with the Teams section at once, at start-up.</summary>
public sealed class TeamsOptionsValidator : IValidateOptions<TeamsOptions>
{
    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        var failures = new List<string>();
        Require(failures, options.AppId.Length > 0, "Teams:AppId is required (the bot's Microsoft App ID).");
        Require(failures, options.AppPassword.Length > 0, "Teams:AppPassword is required (set it through the environment: Teams__AppPassword).");
        Require(failures, IsAbsolute(options.OpenIdMetadataUrl), "Teams:OpenIdMetadataUrl must be an absolute URL.");
        Require(failures, IsAbsolute(options.TokenEndpoint), "Teams:TokenEndpoint must be an absolute URL.");
        Require(failures, options.Issuer.Length > 0, "Teams:Issuer is required.");
        Require(failures, options.ClockSkew >= TimeSpan.Zero && options.ClockSkew <= TimeSpan.FromMinutes(10), "Teams:ClockSkew must be between 0 and 10 minutes.");
        Require(failures, options.MinSigningKeysRefreshInterval >= TimeSpan.FromSeconds(1), "Teams:MinSigningKeysRefreshInterval must be at least 1 second.");
        Require(failures, options.SigningKeysLifetime >= options.MinSigningKeysRefreshInterval, "Teams:SigningKeysLifetime must not be shorter than Teams:MinSigningKeysRefreshInterval.");
        Require(failures, options.MaxRetries is >= 0 and <= 10, "Teams:MaxRetries must be between 0 and 10.");
        Require(failures, options.EffectiveServiceUrlHosts.All(h => h.Length > 0 && h != "*" && h != "*."), "Teams:AllowedServiceUrlHosts entries must name a host or a *.suffix.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, bool ok, string message)
    {
        if (!ok)
        {
            failures.Add(message);
        }
    }

    private static bool IsAbsolute(string url) => Uri.TryCreate(url, UriKind.Absolute, out _);
}
