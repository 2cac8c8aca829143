using System.ComponentModel.DataAnnotations;

namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>Where the local console listens when Slack is not configured (section <c>Console</c>). Default http://127.0.0.1:8502.</summary>
public sealed class ConsoleOptions : IValidatableObject
{
    public const string SectionName = "Console";

    public string Url { get; set; } = "http://127.0.0.1:8502";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || !(uri.IsLoopback || uri.Host == "127.0.0.1" || uri.Host == "[::1]"))
        {
            yield return new ValidationResult("Console:Url must be an absolute http URL on a loopback address (the console has no authentication).", [nameof(Url)]);
        }
    }
}
