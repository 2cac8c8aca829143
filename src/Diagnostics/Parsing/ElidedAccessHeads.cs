namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Access lines whose head a writer cut, masked or elided (<c>... "GET / HTTP/1.1" 502</c>, a time masked with dashes,
/// a bare address before the request) or quoted in a sentence. Tried only once the other shapes failed.
/// </summary>
internal static class ElidedAccessHeads
{
    /// <summary>
    /// A writer's ellipsis standing for the head (client, user, time) before the quoted request, or no head at all:
    /// <c>... "GET /app2/queue/join HTTP/1.1" 404 22 "-" ...</c>. Only a request line (a method in capitals, then a path)
    /// right after the ellipsis and its opening quote counts, so prose that starts with an ellipsis stays prose.
    /// </summary>
    internal static bool TryParseElidedHead(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        // The head dropped altogether: the line opens with the quoted request (a writer trimming the access line to
        // `"GET /health HTTP/1.1" 502 157`), or with the request line itself, its opening quote cut with the head
        // (`GET /webapp/ HTTP/1.1" 502 150 ...`).
        if (AccessLineParser.StartsWithRequestLine(s) && AccessLineParser.RequestLineClosesWithItsProtocol(s))
        {
            return AccessLineParser.ReadRequestAndStatus(s, 0, ref c);
        }

        if (OpensWithCutRequestPath(s))
        {
            return AccessLineParser.ReadRequestAndStatus(s, 0, ref c);
        }

        var lead = s.StartsWith("... \"", StringComparison.Ordinal) ? 5 : s.StartsWith("\u2026 \"", StringComparison.Ordinal) ? 3 : s.StartsWith('"') ? 1 : 0;
        if (lead == 0)
        {
            lead = RequestAfterBareAddress(s, out var time);
            c.Time = time;
        }

        if (lead <= 0)
        {
            lead = RequestAfterMaskedTime(s);
        }

        if (lead <= 0)
        {
            lead = RequestQuotedInProse(s);
        }

        return lead > 0 && AccessLineParser.StartsWithRequestLine(s[lead..]) && AccessLineParser.ReadRequestAndStatus(s, lead, ref c);
    }

    /// <summary>
    /// The head cut with the request's method, the line opening at its path (<c>/api/sm/services/x HTTP/1.1" 200 231 "-" ...</c>):
    /// a path without blanks up to its protocol and closing quote, then a status and the size (digits, or nginx's dash for
    /// none). The protocol, the quote and the size keep a path that opens a sentence out.
    /// </summary>
    private static bool OpensWithCutRequestPath(ReadOnlySpan<char> s)
    {
        if (s.Length < 2 || s[0] != '/' || s[1] == '/')
        {
            return false;
        }

        var version = s.IndexOf(" HTTP/", StringComparison.Ordinal);
        if (version < 0 || s[..version].IndexOfAny(' ', '"') >= 0 || !AccessLineParser.RequestLineClosesWithItsProtocol(s))
        {
            return false;
        }

        var status = AccessLineParser.StatusAfterRequest(s, version);
        return status > 0 && status + 5 < s.Length && s[status + 3] == ' ' && (char.IsAsciiDigit(s[status + 4]) || s[status + 4] == '-');
    }

    /// <summary>
    /// The middle of an access line quoted inside a writer's sentence (<c>... we are getting "GET /api/x HTTP/2.0" 499 0</c>):
    /// the start of the first quoted request line that carries its protocol (<c> HTTP/</c>) and is followed by a status and the
    /// size, after a word, or -1. The protocol and the size keep prose that only names a request and a number out.
    /// </summary>
    private static int RequestQuotedInProse(ReadOnlySpan<char> s)
    {
        // The quote as written, or escaped inside a code literal (`- - \"GET /healthz HTTP/1.1\" 200 2`).
        var quote = s.IndexOf(" \"", StringComparison.Ordinal);
        var mark = 2;
        if (quote < 0 || !AccessLineParser.StartsWithRequestLine(s[(quote + 2)..]))
        {
            quote = s.IndexOf(" \\\"", StringComparison.Ordinal);
            mark = 3;
            if (quote < 0 || !AccessLineParser.StartsWithRequestLine(s[(quote + 3)..]))
            {
                return -1;
            }
        }

        // A word before the quote: an address or port there is another writer's format (an app server's own access log,
        // whose status is the backend's), not a sentence. So is a head that carries a logger's bracketed level.
        var word = s[..quote].LastIndexOf(' ') + 1;
        if (quote == word || s[word..quote].IndexOfAnyInRange('0', '9') >= 0 || HasLoggerLevel(s[..quote]))
        {
            return -1;
        }

        var start = quote + mark;
        var end = s[start..].IndexOf('"');
        if (end < 0 || s.Slice(start, end).IndexOf(" HTTP/", StringComparison.Ordinal) < 0)
        {
            return -1;
        }

        // `" NNN ` then the size: digits or nginx's dash for none.
        var after = start + end;
        return s.Length > after + 6 && s[after + 1] == ' ' && DecimalText.Digits(s, after + 2, 3, out _) && s[after + 5] == ' '
            && (char.IsAsciiDigit(s[after + 6]) || s[after + 6] == '-')
            ? start
            : -1;
    }

    private static readonly System.Buffers.SearchValues<string> LoggerLevels =
        System.Buffers.SearchValues.Create(["[INFO]", "[DEBUG]", "[WARN]", "[WARNING]", "[ERROR]"], StringComparison.Ordinal);

    /// <summary>
    /// A logger's bracketed level in capitals in the head before the quote (KasmVNC's websocket server:
    /// <c>2023-05-16 22:20:27,953 [INFO] websocket 1552: 10.20.0.1 ... kasm_user "GET /index.html HTTP/1.1" 200 22064</c>):
    /// an app's own request log, whose status is its own answer, not a sentence quoting nginx's access line. nginx writes
    /// neither a level into its access lines nor one in capitals into its error log.
    /// </summary>
    private static bool HasLoggerLevel(ReadOnlySpan<char> head) => head.ContainsAny(LoggerLevels) || OpensWithLoggerBracket(head);

    private static readonly System.Buffers.SearchValues<string> LevelWords =
        System.Buffers.SearchValues.Create([" TRACE ", " DEBUG ", " INFO ", " WARN ", " ERROR "], StringComparison.Ordinal);

    /// <summary>
    /// A head that opens with a logger's bracket holding the time, a level in capitals and the target, as Rust's
    /// env_logger writes them (actix-web's request logger: <c>[2024-01-02T19:26:26Z INFO  actix_web::middleware::logger]
    /// xx.xxx.xxx.xxx "GET /font/x HTTP/1.1" 200 36890 ...</c>, its client address masked by the writer): the app's own
    /// request log, not a sentence quoting nginx's access line.
    /// </summary>
    private static bool OpensWithLoggerBracket(ReadOnlySpan<char> head)
    {
        var close = head.Length > 0 && head[0] == '[' ? head.IndexOf(']') : -1;
        return close > 0 && head[..close].ContainsAny(LevelWords);
    }

    private static readonly System.Buffers.SearchValues<char> TimeMaskChars = System.Buffers.SearchValues.Create("-xX*#? +:0123456789");

    /// <summary>
    /// The combined format whose time the writer masked, keeping the brackets and often the zone
    /// (<c>10.42.0.0 - - [---------- +0000] "GET /albums/ HTTP/1.1" 502 ...</c>), or only its date, keeping the clock
    /// (<c>[xxx:17:38:55 +0800] "POST /xxx/batch/update HTTP/1.0" 200 ...</c>): the request's start after the bracket, or
    /// -1. Only a bracket opening with mask marks (dashes, x's, stars) and holding at most a clock's and a zone's digits
    /// counts, or the time's day and month cut by the writer's ellipsis (<c>[11/Jul/2026...]</c>), so a real time that
    /// failed the common shape is not read here. The time stays unknown.
    /// </summary>
    private static int RequestAfterMaskedTime(ReadOnlySpan<char> s)
    {
        var open = s.IndexOf(" [", StringComparison.Ordinal);
        if (open <= 0 || open > AccessLineParser.MaxHeadBeforeTime)
        {
            return -1;
        }

        var close = s[(open + 2)..].IndexOf("] \"", StringComparison.Ordinal);
        if (close < 3)
        {
            return -1;
        }

        var masked = s.Slice(open + 2, close);
        var marks = masked.Length - masked.TrimStart("-xX*#?").Length;
        return (marks >= 3 && masked.IndexOfAnyExcept(TimeMaskChars) < 0) || IsTimeCutByEllipsis(masked) ? open + 2 + close + 3 : -1;
    }

    /// <summary>The time's day and month (<c>11/Jul/</c>), then the writer's ellipsis where the rest was cut (<c>11/Jul/2026...</c>).</summary>
    private static bool IsTimeCutByEllipsis(ReadOnlySpan<char> t) =>
        t.Length >= 7 && char.IsAsciiDigit(t[0]) && char.IsAsciiDigit(t[1]) && t[2] == '/' && t[6] == '/'
        && (t.EndsWith("...", StringComparison.Ordinal) || t.EndsWith('\u2026'));

    /// <summary>
    /// A format without the user and bracketed time between the address and the request, as Harbor's proxy writes it
    /// (<c>$remote_addr - "$request" $status ...</c>), also with the time first (<c>[06/Apr/2022:03:44:03 +0000]:10.0.0.7 - "GET / ..."</c>):
    /// the request's start after <c>ADDR - "</c>, where ADDR is an IPv4 or IPv6 address; -1 when the line has no such head.
    /// </summary>
    private static int RequestAfterBareAddress(ReadOnlySpan<char> s, out DateTime? time)
    {
        time = null;
        var from = 0;
        if (AccessLineParser.StartsWithBracketedTime(s) && s[28] == ':')
        {
            time = AccessLineParser.Time(s[1..]);
            from = 29;
        }

        var address = s[from..].IndexOfAnyExcept(AccessLineParser.AddressChars);
        if (address < 7 || address > 45 || s.Slice(from, address).IndexOfAny('.', ':') < 0 || IsAddressWithPort(s.Slice(from, address)))
        {
            return -1;
        }

        // The combined format with its time left out of log_format (`$remote_addr - $remote_user "$request" ...`), the
        // user empty: one more dash before the quote; or a format with nothing between (`$remote_addr "$request" ...`).
        var rest = s[(from + address)..];
        return rest.StartsWith(" - \"", StringComparison.Ordinal) ? from + address + 4
            : rest.StartsWith(" - - \"", StringComparison.Ordinal) ? from + address + 6
            : rest.StartsWith(" \"", StringComparison.Ordinal) ? from + address + 2
            : -1;
    }

    /// <summary>
    /// An IPv4 address with its client port (<c>127.0.0.1:43552</c>): nginx's <c>$remote_addr</c> never holds a port, so
    /// <c>ADDR:PORT - "GET / HTTP/1.1" 200</c> is an app server's own request log (uvicorn's access format), whose status is
    /// the backend's. An IPv4-mapped IPv6 address (<c>::ffff:10.0.0.1</c>) has its colons before the dots and stays an address.
    /// </summary>
    private static bool IsAddressWithPort(ReadOnlySpan<char> token) => token.LastIndexOf(':') > token.LastIndexOf('.') && token.IndexOf('.') > 0;

    /// <summary>
    /// A format with one more token between the bracketed time and the quoted request, such as <c>$msec</c>
    /// (<c>[29/Aug/2017:14:34:39 +0800] 1503988479.444 "GET /v2/ HTTP/1.1" 401 ...</c>): the request's start, or -1.
    /// Asked only when no quote follows the time's bracket, so the common format pays nothing for it. Also the request
    /// after two or more blanks instead of a token, and after up to four short fields when a request line follows them.
    /// </summary>
    internal static int RequestAfterTimeToken(ReadOnlySpan<char> s, int open)
    {
        var token = open + 30;
        if (s.Length <= token || s[open + 28] != ']' || s[open + 29] != ' ')
        {
            return -1;
        }

        // More blanks before the quote than the one after the bracket: a format aligned by its writer (Open edX's
        // "[$time_local]  \"$request\" ..."), no token between.
        var blanks = s[token..].IndexOfAnyExcept(' ');
        if (blanks > 0 && s[token + blanks] == '"')
        {
            return token + blanks + 1;
        }

        var end = s[token..].IndexOf(' ');
        if (end is > 0 and <= 24 && s.Length > token + end + 1 && s[token + end + 1] == '"' && s.Slice(token, end).IndexOf('"') < 0)
        {
            return token + end + 2;
        }

        // A few more fields before the quote (`$scheme://$host - "$request"`): taken only when a request line opens there.
        var quote = s.Slice(token, Math.Min(OwnAccessFormats.MaxFieldsBeforeRequest, s.Length - token)).IndexOf(" \"", StringComparison.Ordinal);
        return quote > 0 && s.Slice(token, quote).Count(' ') <= 3 && s.Slice(token, quote).IndexOf('"') < 0
            && AccessLineParser.StartsWithRequestLine(s[(token + quote + 2)..])
            ? token + quote + 2
            : -1;
    }
}
