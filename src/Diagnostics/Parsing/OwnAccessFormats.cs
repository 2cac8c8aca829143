using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Access formats operators write themselves: the status first, an ISO time in brackets, delimited fields, fields
/// before the request, the request unquoted after the time. Tried only once the combined format failed.
/// </summary>
internal static class OwnAccessFormats
{
    /// <summary>
    /// The format Home Assistant's add-ons give their nginx (<c>[$time_local] $status $http_x_forwarded_for($remote_addr)
    /// $request ($http_user_agent)</c>): the status right after the bracketed time, then the addresses and the request
    /// line unquoted (<c>[22/Feb/2020:00:38:01 +0100] 403 192.168.1.142, 172.30.32.1(172.30.32.1) GET / HTTP/1.1 (...)</c>).
    /// Only a line whose status is followed by an address (or the <c>-</c> of an empty forwarded-for) and then by a request
    /// line (a method in capitals, a path, <c>HTTP/</c>) counts.
    /// </summary>
    internal static bool TryParseStatusFirst(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        if (!AccessLineParser.StartsWithBracketedTime(s) || s.Length < 40 || s[28] != ' ' || s[32] != ' ' || !DecimalText.Digits(s, 29, 3, out var status)
            || !(AccessLineParser.AddressChars.Contains(s[33]) || s[33] == '-'))
        {
            return false;
        }

        var version = s[33..].IndexOf(" HTTP/", StringComparison.Ordinal);
        if (version < 0)
        {
            return false;
        }

        var end = 33 + version;
        var path = s[33..end].LastIndexOf(' ');
        var method = path < 0 ? -1 : s[33..(33 + path)].LastIndexOf(' ');
        var start = method < 0 ? 33 : 33 + method + 1;
        if (!AccessLineParser.StartsWithRequestLine(s[start..]))
        {
            return false;
        }

        var afterVersion = s[(end + 1)..].IndexOf(' ');
        c.Kind = RecordKind.NginxAccess;
        c.Message = Segment.Between(start, afterVersion < 0 ? s.Length : end + 1 + afterVersion);
        c.Status = status;
        c.Time = AccessLineParser.Time(s[1..]);
        return true;
    }

    /// <summary>
    /// The combined format's fields around an ISO 8601 time in brackets (<c>ADDR -> ADDR [2016-03-21T06:46:24+0200] "POST
    /// /x HTTP/1.1" 502 166 "-" ...</c>, <c>$time_iso8601</c> in place of <c>$time_local</c>). The status and the size must be
    /// followed by the referrer's quote or the line's end, as nginx's combined writes them, so a router's own format with
    /// more numbers there (Cloud Foundry's gorouter: status, bytes received, bytes sent) stays out.
    /// </summary>
    internal static bool TryParseIsoBracketedTime(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var open = s.IndexOf(" [", StringComparison.Ordinal);
        while (open >= 0 && open <= AccessLineParser.MaxHeadBeforeTime)
        {
            var t = s[(open + 2)..];
            if (t.Length > 20 && t[4] == '-' && t[7] == '-' && t[10] == 'T' && DecimalText.Digits(t, 0, 4, out _))
            {
                var close = t.IndexOf("] \"", StringComparison.Ordinal);
                var requestStart = open + 2 + close + 3;
                var statusAt = close is < 0 or > 40 || !AccessLineParser.StartsWithRequestLine(s[requestStart..]) ? -1 : AccessLineParser.StatusAfterRequest(s, requestStart);
                var size = statusAt < 0 || statusAt + 4 >= s.Length ? -1 : s[(statusAt + 4)..].IndexOf(' ');
                var after = size < 0 ? s.Length : statusAt + 4 + size + 1;
                return statusAt > 0 && (after >= s.Length || s[after] == '"') && AccessLineParser.ReadRequestAndStatus(s, requestStart, ref c);
            }

            var next = s[(open + 2)..].IndexOf(" [", StringComparison.Ordinal);
            open = next < 0 ? -1 : open + 2 + next;
        }

        return false;
    }

    /// <summary>
    /// The access format szurubooru's client image gives its nginx (<c>$remote_addr -&gt; $request [$status] - referer:
    /// $http_referer $http_x_forwarded_for</c>: <c>192.168.1.9 -&gt; GET /css/app.min.css HTTP/1.1 [304] - referer: ...</c>): the
    /// request unquoted after an arrow from the client's address, the status in brackets right after the request's protocol.
    /// Only an address before the arrow, a request line that ends in its protocol and a bracketed status followed by " - "
    /// count, so prose with an arrow stays out.
    /// </summary>
    internal static bool TryParseArrowRequest(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var arrow = s.IndexOf(" -> ", StringComparison.Ordinal);
        var start = arrow + 4;
        if (arrow <= 0 || !AccessLineParser.StartsWithRequestLine(s[start..]))
        {
            return false;
        }

        var address = s[..arrow].LastIndexOfAny(' ', '|') + 1;
        var version = s[start..].IndexOf(" HTTP/", StringComparison.Ordinal);
        var digits = version < 0 ? -1 : s[(start + version + 6)..].IndexOfAnyExcept(AccessLineParser.VersionChars);
        var close = start + version + 6 + digits;
        if (address == arrow || s[address..arrow].IndexOfAnyExcept(AccessLineParser.AddressChars) >= 0 || version < 0 || digits <= 0
            || !s[close..].StartsWith(" [", StringComparison.Ordinal) || close + 9 > s.Length || s[close + 5] != ']'
            || !s[(close + 6)..].StartsWith(" - ", StringComparison.Ordinal) || !AccessLineParser.HttpStatus(s, close + 2, out var status))
        {
            return false;
        }

        c.Kind = RecordKind.NginxAccess;
        c.Message = Segment.Between(start, close);
        c.Status = status;
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> FieldDelimiters = System.Buffers.SearchValues.Create("|,;\t");

    /// <summary>
    /// A format whose writer joins the fields with a delimiter instead of a blank (<c>[$time] || "$request"|| $status|| ...</c>,
    /// <c>"$request" | $status | ...</c>, <c>"$request",502,...</c>): the status right after the first quoted request
    /// line's closing quote and the delimiter. Only a request line that ends in its protocol counts, and only a delimiter
    /// other than a blank (the blank-separated formats are read above), so prose and other servers' lines stay out.
    /// </summary>
    internal static bool TryParseDelimitedFields(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var quote = s.IndexOf('"');
        var start = quote + 1;
        if (quote < 0 || !AccessLineParser.StartsWithRequestLine(s[start..]) || !AccessLineParser.RequestLineClosesWithItsProtocol(s[start..]))
        {
            return false;
        }

        var close = start + s[start..].IndexOf('"');
        if (StatusBeforeDashJoinedRequest(s, quote, close, ref c))
        {
            return true;
        }

        var gap = s[(close + 1)..].IndexOfAnyExcept(' ');
        var delimiters = gap < 0 ? 0 : s[(close + 1 + gap)..].IndexOfAnyExcept(FieldDelimiters);
        if (delimiters is < 1 or > 2)
        {
            return false;
        }

        var digits = close + 1 + gap + delimiters;
        digits += s[digits..].IndexOfAnyExcept(' ') is var blanks and >= 0 and <= 2 ? blanks : s.Length;
        if (!AccessLineParser.HttpStatus(s, digits, out var status)
            || (digits + 3 < s.Length && s[digits + 3] != ' ' && !FieldDelimiters.Contains(s[digits + 3])))
        {
            return false;
        }

        c.Kind = RecordKind.NginxAccess;
        c.Message = Segment.Between(start, close);
        c.Status = status;
        return true;
    }

    /// <summary>
    /// A format that joins its fields with " - " and writes the status before the request (Deis Workflow's router:
    /// <c>[$time_iso8601] - $app - $remote_addr - $remote_user - $status - "$request" - $bytes_sent - ...</c>): the status is
    /// the field right before the request's opening quote, joined by " - " on both sides, and the same " - " follows the
    /// request's closing quote. Only a request line that ends in its protocol counts (the caller's test), so prose with a
    /// number before a quote stays out.
    /// </summary>
    private static bool StatusBeforeDashJoinedRequest(ReadOnlySpan<char> s, int quote, int close, ref CompanionLine c)
    {
        var digits = quote - DashJoin.Length - 3;
        if (digits < DashJoin.Length || !s[..quote].EndsWith(DashJoin, StringComparison.Ordinal)
            || !s[..digits].EndsWith(DashJoin, StringComparison.Ordinal)
            || !s[(close + 1)..].StartsWith(DashJoin, StringComparison.Ordinal)
            || !AccessLineParser.HttpStatus(s, digits, out var status))
        {
            return false;
        }

        c.Kind = RecordKind.NginxAccess;
        c.Message = Segment.Between(quote + 1, close);
        c.Status = status;
        return true;
    }

    private const string DashJoin = " - ";

    /// <summary>
    /// A site's own format that opens with the bracketed time and puts more fields than the combined format's before the
    /// quoted request (<c>[$time_local] $remote_addr $request_id $upstream_addr "$request" $status ...</c>): addresses,
    /// ports and ids, up to <see cref="MaxWordsBeforeRequest"/> of them and no quote among them. Only a quote that opens a
    /// request line and is followed by a status counts. Reached only by a line that starts with the bracketed time and
    /// failed every other shape.
    /// </summary>
    internal static bool TryParseFieldsBeforeRequest(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        const int token = 29;
        if (s[28] != ' ')
        {
            return false;
        }

        var window = s[token..Math.Min(s.Length, token + MaxFieldsBeforeLongRequest)];
        var quote = window.IndexOf(" \"", StringComparison.Ordinal);
        if (quote <= 0 || window[..quote].IndexOfAny('"', '[') >= 0 || window[..quote].Count(' ') >= MaxWordsBeforeRequest
            || !AllFieldsHoldADigit(window[..quote])
            || !AccessLineParser.StartsWithRequestLine(s[(token + quote + 2)..]) || !AccessLineParser.ReadRequestAndStatus(s, token + quote + 2, ref c))
        {
            return false;
        }

        c.Time = AccessLineParser.Time(s[1..]);
        return true;
    }

    /// <summary>Addresses, ports, ids and times hold a digit (an empty field is nginx's dash); prose's words do not.</summary>
    private static bool AllFieldsHoldADigit(ReadOnlySpan<char> fields)
    {
        foreach (var range in fields.Split(' '))
        {
            var field = fields[range];
            if (field is not "-" && field.IndexOfAnyInRange('0', '9') < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many blank-separated fields a site's own format may put between the time and the quoted request.</summary>
    private const int MaxWordsBeforeRequest = 8;

    /// <summary>How far after the bracketed time that request may open (ids of 20 and more digits take room).</summary>
    private const int MaxFieldsBeforeLongRequest = 200;

    /// <summary>How far after the bracketed time the quoted request may open behind the format's extra fields.</summary>
    internal const int MaxFieldsBeforeRequest = 80;

    /// <summary>
    /// A format with the status as the one token between the bracketed time and the quoted request, and none after the
    /// request (<c>... [16/Jan/2018:16:10:09 +0700] 502 "GET /api/v2/get_config?id=1235 HTTP/1.1" ...</c>, also cut by its
    /// writer inside the request). Asked only after the request was found and no status followed it.
    /// </summary>
    internal static bool StatusBeforeRequest(ReadOnlySpan<char> s, int open, ref CompanionLine c) => StatusTokenBeforeRequest(s, open, open + 30, ref c);

    /// <summary>
    /// The gateway format Grafana's Loki, Mimir, Cortex and Tempo deployments give their nginx (<c>$remote_addr - $remote_user
    /// [$time_local]  $status "$request" $body_bytes_sent "$http_referer" ...</c>): two blanks after the bracketed time, then
    /// the status and the quoted request, then the size (<c>[27/Jan/2018:16:53:38 +0000]  499 "POST /api/prom/push HTTP/1.1" 0
    /// "-" ...</c>). The number after the request is the body's size, not the status. Asked only when no quote follows the
    /// time's bracket, before the request is looked for behind the tokens there.
    /// </summary>
    internal static bool AlignedStatusBeforeRequest(ReadOnlySpan<char> s, int open, ref CompanionLine c) =>
        s.Length > open + 36 && s[open + 28] == ']' && s[open + 29] == ' ' && s[open + 30] == ' ' && StatusTokenBeforeRequest(s, open, open + 31, ref c);

    /// <summary>The status token at <paramref name="token"/>, then the quoted request (see <see cref="StatusBeforeRequest"/>).</summary>
    private static bool StatusTokenBeforeRequest(ReadOnlySpan<char> s, int open, int token, ref CompanionLine c)
    {
        if (s.Length < token + 6 || s[token + 3] != ' ' || s[token + 4] != '"' || !AccessLineParser.HttpStatus(s, token, out var status)
            || !AccessLineParser.StartsWithRequestLine(s[(token + 5)..]))
        {
            return false;
        }

        var end = s[(token + 5)..].IndexOf('"');
        c.Kind = RecordKind.NginxAccess;
        c.Message = Segment.Between(token + 5, end < 0 ? s.Length : token + 5 + end);
        c.Status = status;
        c.Time = AccessLineParser.Time(s[(open + 2)..]);
        return true;
    }

    /// <summary>
    /// The request line unquoted right after the bracketed time, then the status and the size (<c>$request_time
    /// $upstream_response_time [$time_local] $request $status $body_bytes_sent ...</c>: <c>[23/Jan/2017:04:06:22 -0800] GET
    /// /app/x.js HTTP/1.1 304 0 ...</c>). Only a request line that ends in its protocol counts.
    /// </summary>
    internal static bool UnquotedRequestAfterTime(ReadOnlySpan<char> s, int open, ref CompanionLine c)
    {
        var start = open + 30;
        if (s.Length <= start || s[open + 28] != ']' || s[open + 29] != ' ' || !AccessLineParser.StartsWithRequestLine(s[start..]))
        {
            return false;
        }

        var version = s[start..].IndexOf(" HTTP/", StringComparison.Ordinal);
        var end = version < 0 ? -1 : s[(start + version + 6)..].IndexOfAnyExcept(AccessLineParser.VersionChars);
        var digits = start + version + 6 + end + 1;
        if (version < 0 || end <= 0 || s[start + version + 6 + end] != ' ' || !AccessLineParser.IsStatus(s, digits) || s.Slice(start, version).IndexOf('"') >= 0
            || digits + 4 >= s.Length || !(char.IsAsciiDigit(s[digits + 4]) || s[digits + 4] == '-'))
        {
            return false;
        }

        DecimalText.Digits(s, digits, 3, out var status);
        c.Kind = RecordKind.NginxAccess;
        c.Message = Segment.Between(start, digits - 1);
        c.Status = status;
        c.Time = AccessLineParser.Time(s[(open + 2)..]);
        return true;
    }
}
