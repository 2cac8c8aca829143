namespace Nginx502Bot.Bot.Slack;

/// <summary>
/// Slack credentials and endpoints (section <c>Slack</c>). HTTP mode needs <see cref="BotToken"/> and
/// <see cref="SigningSecret"/>; Socket Mode needs <see cref="BotToken"/> and <see cref="AppToken"/>.
/// Without them the bot serves the local console instead (see <see cref="IsConfigured"/>).
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Bot token (<c>xoxb-…</c>) for the Web API.</summary>
    public string BotToken { get; set; } = "";

    /// <summary>Signing secret from the app's Basic Information page; verifies every HTTP request.</summary>
    public string SigningSecret { get; set; } = "";

    /// <summary>App-level token (<c>xapp-…</c>, scope <c>connections:write</c>) for Socket Mode.</summary>
    public string AppToken { get; set; } = "";

    /// <summary>Receive events over a WebSocket instead of public HTTP endpoints. Default false.</summary>
    public bool UseSocketMode { get; set; }

    /// <summary>Web API base URL; tests point it at a local server. Default <c>https://slack.com/api/</c>.</summary>
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    /// <summary>The bot's own user id (<c>U…</c>); messages from it are ignored. Optional: bot_id already marks them.</summary>
    public string? BotUserId { get; set; }

    /// <summary>Oldest accepted <c>X-Slack-Request-Timestamp</c>, either way. Default 5 minutes, as Slack recommends.</summary>
    public TimeSpan SignatureTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Retries after HTTP 429 before giving up. Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Longest single wait for Retry-After; a longer request gives up rather than stall the queue. Default 30 s.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First Socket Mode reconnect delay, doubled per failure up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Emoji name (without colons) whose <c>reaction_added</c> adds the reacted message to its incident's timeline.
    /// Default <c>memo</c> (:memo:); empty turns reactions off.
    /// </summary>
    public string NoteReaction { get; set; } = "memo";

    /// <summary>True when the section carries enough to talk to Slack in the chosen mode.</summary>
    public bool IsConfigured => BotToken.Length > 0 && (UseSocketMode ? AppToken.Length > 0 : SigningSecret.Length > 0);
}
