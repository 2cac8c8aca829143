using System.Net;
using System.Text.RegularExpressions;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// Teams message text to plain text: the bot's <c>&lt;at&gt;…&lt;/at&gt;</c> mention and an optional <c>502</c>
/// keyword removed, the few HTML tags Teams wraps pasted text in (paragraphs, line breaks, spans, code, auto-links)
/// removed or turned into line breaks, entities decoded.
/// Only those tags are touched, so a <c>&lt;…&gt;</c> inside a pasted log line survives.
/// </summary>
public static partial class TeamsText
{
    /// <summary><c>&lt;at&gt;Bot&lt;/at&gt; 502 agents</c> → <c>agents</c>; <c>502 help</c> in a personal chat → <c>help</c>.</summary>
    public static string CommandText(string text) => Normalize(MentionPrefix().Replace(text, "", 1));

    /// <summary>Markup to plain text, without touching mentions (an overheard message).</summary>
    public static string Normalize(string text)
    {
        var lines = LineBreakTag().Replace(text, "\n");
        // Teams turns spaces into &nbsp; in formatted messages; the engine's parsers expect plain spaces.
        return WebUtility.HtmlDecode(FormattingTag().Replace(lines, "")).Replace('\u00A0', ' ').Replace("\r\n", "\n").Trim();
    }

    [GeneratedRegex(@"^\s*(?:<at\b[^>]*>.*?</at>\s*)*(?:/?502\b)?\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 500)]
    private static partial Regex MentionPrefix();

    [GeneratedRegex(@"<br\s*/?>|</p>|</div>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 500)]
    private static partial Regex LineBreakTag();

    [GeneratedRegex(@"</?(?:p|div|span|pre|code|a)\b[^>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 500)]
    private static partial Regex FormattingTag();
}
