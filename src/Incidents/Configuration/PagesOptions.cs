namespace Nginx502Bot.Incidents.Configuration;

/// <summary>Incident pages: the public base URL and the key that signs links, bound from <c>Incidents:Pages</c>.</summary>
public sealed class PagesOptions
{
    public const string SectionName = "Incidents:Pages";

    /// <summary>Base URL the bot serves pages under, e.g. <c>https://bot.example.com</c>.</summary>
    public string BaseUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>HMAC-SHA256 key for signed links, base64; at least 32 bytes. Never logged.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>How long a signed link stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(7);
}
