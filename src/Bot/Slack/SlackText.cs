using System.Text.RegularExpressions;

namespace Nginx502Bot.Bot.Slack;

/// <summary>
/// Undoes Slack's message formatting so pasted log lines reach the engine as written: auto-links
/// (<c>&lt;http://x|x&gt;</c>, <c>&lt;http://x&gt;</c>), mentions, and the &amp;amp; &amp;lt; &amp;gt; escapes.
/// </summary>
public static partial class SlackText
{
    public static string Unescape(string text)
    {
        var unlinked = Link().Replace(text, m => m.Groups["label"].Success ? m.Groups["label"].Value : m.Groups["url"].Value);
        return unlinked.Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");
    }

    /// <summary>Removes a leading bot mention and an optional <c>502</c>/<c>/502</c> keyword: <c>@bot 502 agents</c> → <c>agents</c>.</summary>
    public static string StripMention(string text) => MentionPrefix().Replace(text, "", 1);

    public static bool Mentions(string text, string userId) => text.Contains($"<@{userId}>", StringComparison.Ordinal);

    [GeneratedRegex(@"<(?<url>(?:https?|mailto|ftp)[^|>\s]*)(?:\|(?<label>[^>]*))?>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(?:\|[^>]*)?>\s*(?:/?502\b)?\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex MentionPrefix();
}
