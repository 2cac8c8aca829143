using System.Globalization;
using System.Text;
using Nginx502Bot.Bot.Slack;

namespace Nginx502Bot.Bot.Bench;

/// <summary>Slash-command requests signed the way Slack signs them.</summary>
public static class SlashCommands
{
    public const string SigningSecret = "bench-signing-secret";

    public static HttpRequestMessage Request(string text, string channel, string trigger)
    {
        var body = string.Join('&', new[] { ("command", "/502"), ("text", text), ("channel_id", channel), ("user_id", "U1"), ("trigger_id", trigger) }
            .Select(f => Uri.EscapeDataString(f.Item1) + "=" + Uri.EscapeDataString(f.Item2)));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", timestamp);
        request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Compute(SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }
}
