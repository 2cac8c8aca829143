namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// Microsoft Teams through the Bot Framework (section <c>Teams</c>). Teams is on only when <see cref="AppId"/> is set;
/// <see cref="AppPassword"/> (the app's client secret) comes from the environment (<c>Teams__AppPassword</c>), never from a file in the repo.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>The bot's Microsoft App ID: the audience of inbound tokens and the client id of outbound ones.</summary>
    public string AppId { get; set; } = "";

    /// <summary>The app's client secret, for the client-credentials token used on every outbound call.</summary>
    public string AppPassword { get; set; } = "";

    /// <summary>Where the Bot Connector publishes its signing keys. Default is the public cloud's metadata document.</summary>
    public string OpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>The only accepted issuer of inbound tokens. Default <c>https://api.botframework.com</c>.</summary>
    public string Issuer { get; set; } = "https://api.botframework.com";

    /// <summary>Client-credentials token endpoint. Default the botframework.com tenant's v2.0 endpoint.</summary>
    public string TokenEndpoint { get; set; } = "https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token";

    /// <summary>Scope requested for outbound tokens. Default <c>https://api.botframework.com/.default</c>.</summary>
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Hosts the bot may call as a <c>serviceUrl</c> (exact, or <c>*.suffix</c>). A token for our app id must never be
    /// sent to a host an activity merely names. Empty means <see cref="DefaultServiceUrlHosts"/>.
    /// </summary>
    public List<string> AllowedServiceUrlHosts { get; set; } = [];

    /// <summary>Allow plain-HTTP service URLs (loopback tests only). Default false.</summary>
    public bool AllowHttpServiceUrl { get; set; }

    /// <summary>Clock skew tolerated on token lifetimes. Default 5 minutes, as the Bot Framework recommends.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long fetched signing keys are trusted before a routine refresh. Default 24 hours.</summary>
    public TimeSpan SigningKeysLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Least time between two key refreshes (an unknown key id forces one), so forged kids cannot hammer the metadata endpoint. Default 1 minute.</summary>
    public TimeSpan MinSigningKeysRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Outbound tokens are renewed this long before they expire. Default 5 minutes.</summary>
    public TimeSpan TokenRenewBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after HTTP 429 or 5xx before giving up. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff after a 5xx (doubled per retry) when the connector gives no Retry-After. Default 500 ms.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Longest single wait; a longer Retry-After gives up rather than stall the queue. Default 30 s.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The Bot Framework's Teams service URLs when nothing is configured.</summary>
    public static IReadOnlyList<string> DefaultServiceUrlHosts { get; } = ["smba.trafficmanager.net", "*.botframework.com"];

    public IReadOnlyList<string> EffectiveServiceUrlHosts => AllowedServiceUrlHosts.Count > 0 ? AllowedServiceUrlHosts : DefaultServiceUrlHosts;

    /// <summary>True when the section names an app id: the composition root then maps <c>/api/messages</c>.</summary>
    public bool IsConfigured => AppId.Length > 0;
}
