using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// nginx access-log lines in the combined format (<c>IP - user [21/Nov/2026:13:41:14 +0000] "GET / HTTP/1.1" 502 559 ...</c>),
/// often pasted next to error lines. They are <c>not_an_upstream_error</c> and carry the status nginx wrote.
/// </summary>
public static class AccessLineParser
{
    /// <summary>
    /// Widest head before the bracketed time: the address and user, behind a log collector's prefix, which for a Docker
    /// Swarm task is long ("stack_service.1.taskid@node    | 10.0.17.185 - admin [13/Sep/2024:..."). The time's own shape
    /// is checked right after, so a longer head lets nothing else in.
    /// </summary>
    internal const int MaxHeadBeforeTime = 128;

    public static bool TryParse(ReadOnlySpan<char> s, out CompanionLine c)
    {
        c = new CompanionLine { Pid = -1, Level = Segment.None, Subject = Segment.None, Message = Segment.None, Cause = Causes.NotAnUpstreamError };
        if (s.Length > 0 && s[0] == '{')
        {
            return JsonAccessLineParser.TryParse(s, 0, ref c);
        }

        // The blank before the bracket may be the line's first character: a format that starts at the time, pasted with a
        // blank before it (` [02/Jun/2025:04:41:05 +0000] "GET /socket.io/ ..." 101 127`), reads as one with a head.
        var open = s.IndexOf(" [", StringComparison.Ordinal);
        if (open >= 0 && !IsBracketedTime(s, open))
        {
            open = LaterBracketedTime(s, open);
        }

        if (open < 0 && ListElementTime(s) is var element and > 0)
        {
            open = element;
        }

        if (open < 0 || !IsBracketedTime(s, open))
        {
            // A JSON object behind a code literal's mark or a bullet: looked for only once the common shape failed.
            var brace = JsonAfterLiteralOpening(s);
            if (brace > 0 && JsonAccessLineParser.TryParse(s, brace, ref c))
            {
                return true;
            }

            // A format that starts at the time ([$time_local] "$request" $status ...), or one whose head before it was a
            // list's dash the paste cleaning took away: the bracketed time is the line's first token.
            if (!StartsWithBracketedTime(s) || !s[27..].StartsWith("] \"", StringComparison.Ordinal))
            {
                return OwnAccessFormats.TryParseStatusFirst(s, ref c) || ProxyManagerAccessLines.TryParseProxyManager(s, s.IndexOf('['), ref c) || ElidedAccessHeads.TryParseElidedHead(s, ref c)
                    || (StartsWithBracketedTime(s) && (OwnAccessFormats.AlignedStatusBeforeRequest(s, -1, ref c) || OwnAccessFormats.StatusBeforeRequest(s, -1, ref c))) || KeyValueAccessLineParser.TryParse(s, ref c)
                    || ProxyManagerAccessLines.TryParseProxyManagerHead(s, ref c) || OwnAccessFormats.TryParseDelimitedFields(s, ref c) || OwnAccessFormats.TryParseIsoBracketedTime(s, ref c)
                    || (StartsWithBracketedTime(s) && OwnAccessFormats.TryParseFieldsBeforeRequest(s, ref c))
                    || OwnAccessFormats.TryParseArrowRequest(s, ref c) || ResponseStatusLines.TryParse(s, ref c);
            }

            open = -1;
        }

        var close = s[(open + 1)..].IndexOf("] \"", StringComparison.Ordinal) + 1;
        if (close == ZonelessTimeClose && !RequestLineClosesWithItsProtocol(s[(open + close + 3)..]))
        {
            return false;
        }

        if (close <= 0 && OwnAccessFormats.AlignedStatusBeforeRequest(s, open, ref c))
        {
            return true;
        }

        var requestStart = close > 0 ? open + close + 3 : ElidedAccessHeads.RequestAfterTimeToken(s, open);
        if (requestStart < 0 || !ReadRequestAndStatus(s, requestStart, ref c))
        {
            // Nginx Proxy Manager's formats behind a writer's words: no quoted request follows the time.
            if (KeyValueAccessLineParser.TryParseAfterTime(s, open + 30, ref c))
            {
                c.Time = Time(s[(open + 2)..]);
                return true;
            }

            return OwnAccessFormats.StatusBeforeRequest(s, open, ref c) || ProxyManagerAccessLines.TryParseProxyManager(s, open + 1, ref c) || OwnAccessFormats.UnquotedRequestAfterTime(s, open, ref c);
        }

        c.Time = Time(s[(open + 2)..]);
        return true;
    }

    /// <summary>
    /// Where the bracket closes when the time has no zone (<c>[17/Jan/2022:16:28:44] "</c>): Daphne's (Twisted's) own
    /// access logger (<c>127.0.0.1:45978 - - [17/Jan/2022:16:28:44] "GET /chat/2/" 200 8834</c>), which also quotes its
    /// request without the protocol. nginx's <c>$time_local</c> always carries its zone and <c>$request</c> its protocol,
    /// so such a line is another server's answer and states no status nginx gave (round 69). Compared only once the
    /// bracketed time was found; the request is read only when the zone is missing.
    /// </summary>
    private const int ZonelessTimeClose = 22;

    /// <summary>How far into the line a JSON object may open behind a writer's head (indentation, a bullet, a file's name).</summary>
    private const int MaxHeadBeforeJson = 48;

    /// <summary>
    /// Where a JSON object (<c>{"</c>) opens right after a code literal's or code span's opening mark or a blank, within a
    /// short head: a JSON access line kept as a string in test code (<c>`{"time":...}`,</c>, <c>'{"time_iso8601":...}',</c>)
    /// or quoted in Markdown behind a bullet (<c>- `access.log`: `{"timestamp":...}`</c>); -1 otherwise. The parser then
    /// asks for nginx's keys as for a line that opens with the brace.
    /// </summary>
    private static int JsonAfterLiteralOpening(ReadOnlySpan<char> s)
    {
        var brace = s[..Math.Min(s.Length, MaxHeadBeforeJson)].IndexOf("{\"", StringComparison.Ordinal);
        return brace > 0 && s[brace - 1] is '`' or '\'' or ' ' or '\t' && s[..brace].IndexOf('{') < 0 ? brace : -1;
    }

    /// <summary>The quoted request from <paramref name="requestStart"/> and the status after it; false when no status follows.</summary>
    internal static bool ReadRequestAndStatus(ReadOnlySpan<char> s, int requestStart, ref CompanionLine c)
    {
        var statusAt = StatusAfterRequest(s, requestStart);
        if (statusAt < 0 || !DecimalText.Digits(s, statusAt, 3, out var status))
        {
            return false;
        }

        c.Kind = RecordKind.NginxAccess;
        c.Message = Segment.Between(requestStart, s[statusAt - 2] == '"' ? statusAt - 2 : requestStart + s[requestStart..statusAt].LastIndexOf('"'));
        c.Status = status == 9 ? ClientStatus.Http09 : status;
        return true;
    }

    /// <summary>The bracketed time's shape (<c> [06/Apr/2022:03:44:03</c>) at <paramref name="open"/>, within the head's reach.</summary>
    private static bool IsBracketedTime(ReadOnlySpan<char> s, int open) =>
        open <= MaxHeadBeforeTime && s.Length >= open + 30 && s[open + 4] == '/' && s[open + 8] == '/' && s[open + 13] == ':';

    /// <summary>
    /// The bracketed time after an earlier bracket in the head, or -1: a format that brackets another field before the time
    /// (the PROXY protocol address of nginx-ingress-controller 0.9, <c>ADDR - [ADDR] - - [05/Apr/2017:20:52:09 +0000] ...</c>),
    /// or a collector's bracketed tag before the address. Asked only when the first bracket is no time.
    /// </summary>
    private static int LaterBracketedTime(ReadOnlySpan<char> s, int open)
    {
        while (open > 0 && open <= MaxHeadBeforeTime)
        {
            var next = s[(open + 2)..].IndexOf(" [", StringComparison.Ordinal);
            if (next < 0)
            {
                return -1;
            }

            open += 2 + next;
            if (IsBracketedTime(s, open))
            {
                return open;
            }
        }

        return -1;
    }

    /// <summary>
    /// A line a script split at its first blanks and printed as a list (Python's <c>['ADDR', '-', '-', '[06/Apr/2022:...
    /// +0000] "GET / HTTP/1.1" 400 ...']</c>): the time's bracket opens a quoted element instead of following a blank. The
    /// element's quote mark, standing where the blank would be, or -1. Asked only when the line has no " [" at all.
    /// </summary>
    private static int ListElementTime(ReadOnlySpan<char> s)
    {
        var element = s.IndexOf(", '[", StringComparison.Ordinal);
        return element > 0 && IsBracketedTime(s, element + 2) ? element + 2 : -1;
    }

    /// <summary><c>[06/Apr/2022:03:44:03 +0000]</c> at the line's start (the closing bracket at 27, something after it).</summary>
    internal static bool StartsWithBracketedTime(ReadOnlySpan<char> s) =>
        s.Length > 30 && s[0] == '[' && s[3] == '/' && s[7] == '/' && s[12] == ':' && s[27] == ']';

    internal static readonly System.Buffers.SearchValues<char> AddressChars = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF.:");

    internal static readonly System.Buffers.SearchValues<char> VersionChars = System.Buffers.SearchValues.Create("0123456789.");

    /// <summary>The first quote closes a request line that ends in its protocol (<c>GET /x HTTP/1.1"</c>).</summary>
    internal static bool RequestLineClosesWithItsProtocol(ReadOnlySpan<char> s)
    {
        var quote = s.IndexOf('"');
        var version = quote < 0 ? -1 : s[..quote].LastIndexOf(" HTTP/", StringComparison.Ordinal);
        return version > 0 && s[(version + 6)..quote].IndexOfAnyExcept(VersionChars) < 0;
    }

    /// <summary>A request line's start: a method of 3 to 7 capitals, a space and a path (<c>GET /</c>, <c>POST /api</c>).</summary>
    internal static bool StartsWithRequestLine(ReadOnlySpan<char> s)
    {
        var method = s.IndexOfAnyExceptInRange('A', 'Z');
        return method is >= 3 and <= 7 && s.Length > method + 1 && s[method] == ' ' && s[method + 1] == '/';
    }

    /// <summary>
    /// The request is quoted but not escaped: the status follows the first <c>" NNN </c>. Right after the request's own
    /// closing quote, also after a second blank (<c>"  200</c>, a format aligned by its writer) or after one field a format
    /// puts between them (<c>" $host 404 39 ...</c>) when the size follows the status.
    /// </summary>
    internal static int StatusAfterRequest(ReadOnlySpan<char> s, int from)
    {
        var at = from;
        while (at < s.Length)
        {
            var q = s[at..].IndexOf("\" ", StringComparison.Ordinal);
            if (q < 0)
            {
                return -1;
            }

            var digits = at + q + 2;
            if (IsStatus(s, digits))
            {
                return digits;
            }

            if (at == from && FieldBeforeStatus(s, digits) is var later and > 0)
            {
                return later;
            }

            at = digits;
        }

        return -1;
    }

    /// <summary>An HTTP status at <paramref name="at"/>: three digits, from 100 to 599.</summary>
    internal static bool HttpStatus(ReadOnlySpan<char> s, int at, out int status) =>
        DecimalText.Digits(s, at, 3, out status) && status is >= 100 and <= 599;

    /// <summary>Three digits at <paramref name="digits"/> that end the line, a field, or a code literal.</summary>
    internal static bool IsStatus(ReadOnlySpan<char> s, int digits) =>
        digits + 3 <= s.Length && DecimalText.Digits(s, digits, 3, out _)
        && (digits + 3 == s.Length || s[digits + 3] == ' ' || ClosesCodeLiteral(s[(digits + 3)..]));

    /// <summary>How long a field between the request and the status may be (a host name, a port).</summary>
    private const int MaxFieldBeforeStatus = 64;

    /// <summary>
    /// After the request's closing quote and its blank at <paramref name="at"/>: the status behind a second blank, or behind
    /// one unquoted field, when the size (digits or nginx's dash) follows it; -1 otherwise. Asked only once the status did
    /// not follow the quote directly.
    /// </summary>
    private static int FieldBeforeStatus(ReadOnlySpan<char> s, int at)
    {
        if (at >= s.Length)
        {
            return -1;
        }

        var field = s[at] == ' ' ? 0 : s[at..Math.Min(s.Length, at + MaxFieldBeforeStatus)].IndexOf(' ');
        var digits = at + field + 1;
        return field >= 0 && s.Slice(at, field).IndexOf('"') < 0 && IsStatus(s, digits) && digits + 4 < s.Length
            && (char.IsAsciiDigit(s[digits + 4]) || s[digits + 4] == '-')
            ? digits
            : -1;
    }

    /// <summary>
    /// A code literal's closing mark and at most its separator ending the line right after the status (<c>... HTTP/1.1" 200',</c>):
    /// a line a writer kept as a string cut after its status.
    /// </summary>
    private static bool ClosesCodeLiteral(ReadOnlySpan<char> rest) =>
        rest.Length <= 3 && rest[0] is '\'' or '`' && rest[1..].IndexOfAnyExcept(",;)") < 0;

    /// <summary><c>$time_local</c>'s <c>21/Nov/2026:13:41:14 +0000</c> from its day on, read as wall-clock time.</summary>
    internal static DateTime? Time(ReadOnlySpan<char> s) =>
        s.Length >= 20 && DecimalText.Digits(s, 0, 2, out var d) && DecimalText.Digits(s, 7, 4, out var y)
        && TimeParsing.TryClock(s, 12, out var h, out var m, out var sec)
            ? TimeParsing.Make(y, TimeParsing.Month(s[3..6]), d, h, m, sec)
            : null;
}
