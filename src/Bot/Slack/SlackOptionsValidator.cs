using Microsoft.Extensions.Options;

namespace Nginx502Bot.Bot.Slack;

/// <summary>Reports every problem with the Slack section at once, at start-up.</summary>
public sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options)
    {
        var failures = new List<string>();
        if (options.BotToken.Length == 0)
        {
            failures.Add("Slack:BotToken is required (xoxb-…).");
        }

        if (options.UseSocketMode && options.AppToken.Length == 0)
        {
            failures.Add("Slack:AppToken is required with Slack:UseSocketMode (xapp-…, scope connections:write).");
        }

        if (!options.UseSocketMode && options.SigningSecret.Length == 0)
        {
            failures.Add("Slack:SigningSecret is required for HTTP endpoints (or set Slack:UseSocketMode).");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _))
        {
            failures.Add("Slack:ApiBaseUrl must be an absolute URL.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Slack:MaxRetries must be between 0 and 10.");
        }

        if (options.SignatureTolerance <= TimeSpan.Zero || options.SignatureTolerance > TimeSpan.FromMinutes(5))
        {
            failures.Add("Slack:SignatureTolerance must be positive and at most 5 minutes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
