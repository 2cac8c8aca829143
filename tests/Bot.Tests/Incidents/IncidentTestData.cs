using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Tests.Incidents;

/// <summary>Slack payloads and small readers shared by the incident wiring tests.</summary>
public static partial class IncidentTestData
{
    /// <summary>Two refused connections to the same upstream, one second apart (log time, UTC in these tests).</summary>
    public static readonly string PastedLines = NginxLines.Refused + "\n" + NginxLines.Refused.Replace("13:58:01", "13:58:02", StringComparison.Ordinal).Replace("*17", "*21", StringComparison.Ordinal);

    public static readonly DateTimeOffset First502 = new(2026, 11, 21, 13, 58, 1, TimeSpan.Zero);

    public static string Command(string text, string trigger, string channel = "C1") => BotHost.Form(
        ("command", "/502"), ("text", text), ("user_id", "U1"), ("user_name", "ops"), ("channel_id", channel), ("trigger_id", trigger));

    public static string Mention(string eventId, string text, DateTimeOffset at, string channel = "C1", string? threadTs = null) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event"] = new Dictionary<string, object?> { ["type"] = "app_mention", ["text"] = "<@UBOT> " + text, ["user"] = "U2", ["channel"] = channel, ["ts"] = Ts(at), ["thread_ts"] = threadTs },
    });

    public static string Reaction(string eventId, string emoji, string messageTs, DateTimeOffset at, string channel = "C1") => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event"] = new Dictionary<string, object?>
        {
            ["type"] = "reaction_added", ["user"] = "U3", ["reaction"] = emoji, ["event_ts"] = Ts(at),
            ["item"] = new Dictionary<string, object?> { ["type"] = "message", ["channel"] = channel, ["ts"] = messageTs },
        },
    });

    public static string MessageAction(string trigger, string text, string messageTs, DateTimeOffset at, string channel = "C1") => BotHost.Form(("payload", JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["type"] = "message_action",
        ["callback_id"] = "incident_note",
        ["trigger_id"] = trigger,
        ["action_ts"] = Ts(at),
        ["user"] = new Dictionary<string, object?> { ["id"] = "U4", ["username"] = "sre" },
        ["channel"] = new Dictionary<string, object?> { ["id"] = channel },
        ["message"] = new Dictionary<string, object?> { ["type"] = "message", ["user"] = "U5", ["text"] = text, ["ts"] = messageTs },
    })));

    /// <summary>The texts of a posted message's blocks, as Slack would show them (mrkdwn escapes included).</summary>
    public static string BlockText(System.Text.Json.Nodes.JsonNode message) =>
        string.Join('\n', message["blocks"]!.AsArray().Select(b => b?["text"]?["text"]?.GetValue<string>()).OfType<string>());

    /// <summary>A press on one of the answer's buttons (<c>resolve</c>, <c>timeline</c>).</summary>
    public static string ButtonPress(string actionId, string value, string answerTs, DateTimeOffset at, string channel = "C1") => BotHost.Form(("payload", JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["type"] = "block_actions",
        ["user"] = new Dictionary<string, object?> { ["id"] = "U6", ["username"] = "oncall" },
        ["channel"] = new Dictionary<string, object?> { ["id"] = channel },
        ["message"] = new Dictionary<string, object?> { ["type"] = "message", ["ts"] = answerTs },
        ["actions"] = new[] { new Dictionary<string, object?> { ["action_id"] = actionId, ["value"] = value, ["action_ts"] = Ts(at) } },
    })));

    /// <summary>Slack's <c>ts</c> form: seconds with six decimals.</summary>
    public static string Ts(DateTimeOffset at) => (at.ToUnixTimeMilliseconds() / 1000m).ToString("0.000000", CultureInfo.InvariantCulture);

    /// <summary>Millisecond precision, as Slack timestamps are compared here.</summary>
    public static DateTimeOffset Ms(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    /// <summary>Every http(s) URL in a chat text or HTML fragment, with HTML/mrkdwn escapes undone.</summary>
    public static List<string> Urls(string text) => [.. UrlPattern().Matches(text).Select(m => WebUtility.HtmlDecode(m.Value))];

    public static DateTimeOffset Utc(object? value) => value switch
    {
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        DateTimeOffset o => o.ToUniversalTime(),
        _ => throw new InvalidOperationException($"not a time: {value}"),
    };

    /// <summary>The link with one hex digit of its signature changed.</summary>
    public static string Tamper(string url)
    {
        var last = url[^1];
        return url[..^1] + (last == '0' ? '1' : '0');
    }

    [GeneratedRegex(@"https?://[^\s<>""|`]+[^\s<>""|`.,;:)]", RegexOptions.CultureInvariant)]
    private static partial Regex UrlPattern();
}
