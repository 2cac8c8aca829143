using System.Text.RegularExpressions;

namespace Nginx502Bot.Bot.Commands;

/// <summary>
/// Cheap first filter for overheard channel messages: only text with something that looks like an nginx error
/// record or a companion log line goes to the engine. The engine then decides; chatter never reaches it.
/// </summary>
public static partial class PasteDetector
{
    /// <summary>Upper bound on what we analyse from one message; Slack messages are at most 40 000 characters anyway.</summary>
    public const int MaxChars = 200_000;

    public static bool LooksLikeLogLine(string text) => LogMarker().IsMatch(text.Length > MaxChars ? text[..MaxChars] : text);

    [GeneratedRegex(
        @"\[(emerg|alert|crit|error|warn)\]\s+\d+#\d+:|upstream:\s*""|while (connecting|reading|sending) (to|response header from|request to) upstream|no live upstreams|FastCGI sent in stderr|pm\.max_children|WORKER TIMEOUT|HARAKIRI|Out of memory: Kill|avc:\s+denied|exited on signal \d+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 500)]
    private static partial Regex LogMarker();
}
