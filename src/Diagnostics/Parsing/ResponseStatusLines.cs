using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// The status line of a response as a client printed it (<c>curl -I</c>, HTTPie's <c>--print h</c>):
/// <c>HTTP/1.1 503 Service Temporarily Unavailable</c>, <c>HTTP/2 502</c>. Like a line in the combined shape, it cannot be
/// told from nginx's own answer and states the status the client was given, so it keeps that status (round 98). Only the
/// whole line is taken: the version, three digits, then nothing or a short reason phrase of words, so a sentence that
/// starts with a status line is left alone. Firefox's console prints an XHR's response the same way, in brackets with its
/// time after it (<c>[HTTP/2 401 Unauthorized 136ms]</c>, round 104). The lines of nginx's own error page that name its
/// status, printed alone by a client that showed the body, are read the same way (round 105), and so is the page's
/// heading as a browser showed it (round 108); each also indented, or behind curl -v's or npm's prefix (round 111). So is
/// Chrome's developer tools' <c>Status Code: 502 Bad Gateway</c> (round 113). Tried last among the access-line readers.
/// </summary>
internal static class ResponseStatusLines
{
    /// <summary>Longest reason phrase taken ("Network Authentication Required" is 31 characters).</summary>
    private const int MaxReason = 40;

    /// <summary>
    /// What a client writes before the lines it prints (round 111): curl -v's mark for the response's lines
    /// (<c>&lt; HTTP/1.1 200 OK</c>) and npm's prefix on every line of its error report
    /// (<c>npm ERR! &lt;head&gt;&lt;title&gt;413 Request Entity Too Large&lt;/title&gt;&lt;/head&gt;</c>; <c>npm error </c> since npm 10).
    /// </summary>
    private static readonly string[] ClientPrefixes = ["< ", "npm ERR! ", "npm error "];

    internal static bool TryParse(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var offset = ClientPrefixLength(s);
        if (!TryParseBare(s[offset..], ref c))
        {
            return false;
        }

        c.Message = new Segment(c.Message.Start + offset, c.Message.Length);
        return true;
    }

    /// <summary>
    /// The blanks of an indented paste (a Markdown code block's four) and then a client's prefix
    /// (<see cref="ClientPrefixes"/>) before the line, or 0. An indented line of the page's HTML with no prefix is left
    /// alone: it is a line inside a larger output quoted whole (Ansible's YAML content, round 85), which states no status.
    /// </summary>
    private static int ClientPrefixLength(ReadOnlySpan<char> s)
    {
        var indent = s.Length - s.TrimStart(" \t").Length;
        var rest = s[indent..];
        foreach (var prefix in ClientPrefixes)
        {
            if (rest.StartsWith(prefix, StringComparison.Ordinal))
            {
                return indent + prefix.Length;
            }
        }

        return rest.Length > 0 && rest[0] == '<' ? 0 : indent;
    }

    private static bool TryParseBare(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        if (s.Length > 0 && s[0] == '<')
        {
            return TryErrorPageLine(s, ref c);
        }

        if (s.Length > 0 && char.IsAsciiDigit(s[0]))
        {
            return TryErrorPageHeading(s, ref c);
        }

        var line = s.TrimEnd();
        if (line.StartsWith(DevToolsStatus, StringComparison.Ordinal))
        {
            return TryDevToolsStatus(line, ref c);
        }

        var statusLine = line.StartsWith("[HTTP/", StringComparison.Ordinal) ? WithoutDuration(line[1..]) : line;
        if (!statusLine.StartsWith("HTTP/", StringComparison.Ordinal))
        {
            return false;
        }

        var space = VersionEnd(statusLine);
        if (space < 0 || !DecimalText.Digits(statusLine, space + 1, 3, out var status) || status < 100)
        {
            return false;
        }

        var end = space + 4;
        if (!IsReasonPhrase(statusLine[end..]))
        {
            return false;
        }

        return StatesStatus(line, status, ref c);
    }

    /// <summary>The openings and closings of the lines of nginx's own error page that name its status.</summary>
    private static readonly (string Open, string Close)[] ErrorPageLines = [("<head><title>", "</title></head>"), ("<center><h1>", "</h1></center>")];

    /// <summary>
    /// A line of the error page nginx sends with its status (ngx_http_special_response.c: <c>&lt;head&gt;&lt;title&gt;502 Bad
    /// Gateway&lt;/title&gt;&lt;/head&gt;</c>, <c>&lt;center&gt;&lt;h1&gt;502 Bad Gateway&lt;/h1&gt;&lt;/center&gt;</c>) as a client printed
    /// the body (<c>curl -s</c>), alone on its line: it states the status that client got, as a status line does (round 105).
    /// Only the whole line is taken: the opening, three digits and a reason phrase, then the closing.
    /// </summary>
    private static bool TryErrorPageLine(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var line = s.TrimEnd();
        if (line.StartsWith(PageStart, StringComparison.Ordinal))
        {
            return TryWholeErrorPage(line, ref c);
        }

        foreach (var (open, close) in ErrorPageLines)
        {
            if (!line.StartsWith(open, StringComparison.Ordinal) || !line.EndsWith(close, StringComparison.Ordinal)
                || line.Length < open.Length + close.Length + 5 || !DecimalText.Digits(line, open.Length, 3, out var status) || status < 100
                || !IsReasonPhrase(line[(open.Length + 3)..^close.Length]))
            {
                continue;
            }

            return StatesStatus(line, status, ref c);
        }

        return false;
    }

    private const string PageStart = "<html>";
    private const string PageEnd = "</html>";
    private const string PageFooter = "<hr><center>nginx";
    private const string EscapedBreak = @"\r\n";

    /// <summary>
    /// nginx's whole error page run onto one line, as a client printed the body with its line breaks turned into blanks or
    /// left escaped (<c>&lt;html&gt; &lt;head&gt;&lt;title&gt;502 Bad Gateway&lt;/title&gt;&lt;/head&gt; ... &lt;hr&gt;&lt;center&gt;nginx/1.6.0&lt;/center&gt;
    /// &lt;/body&gt; &lt;/html&gt;</c>): it states the status that client got, as its title and heading lines do alone
    /// (the eighteenth session decided it for round 115's October CMS page). Only the whole page: from <c>&lt;html&gt;</c>,
    /// through the title, to nginx's footer and <c>&lt;/html&gt;</c>. A page quoted inside a client's own message (an
    /// exception, a JSON field) is that client's line and states none.
    /// </summary>
    private static bool TryWholeErrorPage(ReadOnlySpan<char> line, ref CompanionLine c)
    {
        var page = line.EndsWith(EscapedBreak, StringComparison.Ordinal) ? line[..^EscapedBreak.Length] : line;
        var title = page.IndexOf(ErrorPageLines[0].Open, StringComparison.Ordinal);
        if (title < 0 || !page.EndsWith(PageEnd, StringComparison.Ordinal) || !page.Contains(PageFooter, StringComparison.Ordinal)
            || !OnlyBreaks(page[PageStart.Length..title]) || !DecimalText.Digits(page, title + ErrorPageLines[0].Open.Length, 3, out var status)
            || status < 100)
        {
            return false;
        }

        return StatesStatus(line, status, ref c);
    }

    /// <summary>Blanks and escaped line breaks only: what stands between the page's lines once they were run together.</summary>
    private static bool OnlyBreaks(ReadOnlySpan<char> s)
    {
        while (!s.IsEmpty)
        {
            s = s.TrimStart(' ');
            if (s.StartsWith(EscapedBreak, StringComparison.Ordinal))
            {
                s = s[EscapedBreak.Length..];
            }
            else if (!s.IsEmpty)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Takes the whole <paramref name="line"/> as a client's print of the <paramref name="status"/> it got.</summary>
    private static bool StatesStatus(ReadOnlySpan<char> line, int status, ref CompanionLine c)
    {
        c.Kind = RecordKind.NginxAccess;
        c.Message = Segment.Between(0, line.Length);
        c.Status = status;
        return true;
    }

    /// <summary>What Chrome's developer tools print before a response's status in the request's General section.</summary>
    private const string DevToolsStatus = "Status Code: ";

    /// <summary>
    /// The response's status as Chrome's developer tools show it, copied alone (<c>Status Code: 502 Bad Gateway</c>, round
    /// 113: Devilbox's WordPress behind its two nginx): the status that browser got, as a client's status line states it.
    /// Only the whole line: three digits, then nothing or a short reason phrase.
    /// </summary>
    private static bool TryDevToolsStatus(ReadOnlySpan<char> line, ref CompanionLine c)
    {
        var at = DevToolsStatus.Length;
        if (!DecimalText.Digits(line, at, 3, out var status) || status < 100 || !IsReasonPhrase(line[(at + 3)..]))
        {
            return false;
        }

        return StatesStatus(line, status, ref c);
    }

    /// <summary>
    /// The headings of the error pages nginx sends with a 4xx or 5xx status, as its own binary writes them
    /// (ngx_http_special_response.c; 494-497 are sent as 400 and titled so).
    /// </summary>
    private static readonly string[] ErrorPageHeadings =
    [
        "400 Bad Request", "401 Authorization Required", "402 Payment Required", "403 Forbidden", "404 Not Found", "405 Not Allowed",
        "406 Not Acceptable", "408 Request Time-out", "409 Conflict", "410 Gone", "411 Length Required", "412 Precondition Failed",
        "413 Request Entity Too Large", "414 Request-URI Too Large", "415 Unsupported Media Type", "416 Requested Range Not Satisfiable",
        "421 Misdirected Request", "429 Too Many Requests", "400 Request Header Or Cookie Too Large", "400 The SSL certificate error",
        "400 No required SSL certificate was sent", "400 The plain HTTP request was sent to HTTPS port", "500 Internal Server Error",
        "501 Not Implemented", "502 Bad Gateway", "503 Service Temporarily Unavailable", "504 Gateway Time-out",
        "505 HTTP Version Not Supported", "507 Insufficient Storage",
    ];

    /// <summary>
    /// The heading of nginx's own error page as a browser showed it, copied alone on its line (<c>502 Bad Gateway</c> above
    /// <c>nginx/1.13.11</c>, round 108): it states the status that client got, as the page's own lines do. Only nginx's
    /// exact wording for the status is taken (another server's <c>503 Backend fetch failed</c> is not nginx's page), and
    /// only the whole line.
    /// </summary>
    private static bool TryErrorPageHeading(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var line = s.TrimEnd();
        foreach (var heading in ErrorPageHeadings)
        {
            if (line.SequenceEqual(heading) && DecimalText.Digits(line, 0, 3, out var status))
            {
                return StatesStatus(line, status, ref c);
            }
        }

        return false;
    }

    /// <summary>
    /// The status line inside Firefox's brackets, without the time that closes them (<c>HTTP/2 401 Unauthorized</c> of
    /// <c>HTTP/2 401 Unauthorized 136ms]</c>); empty when the text does not end in a blank, digits and <c>ms]</c>.
    /// </summary>
    private static ReadOnlySpan<char> WithoutDuration(ReadOnlySpan<char> s)
    {
        var blank = s.LastIndexOf(' ');
        if (blank < 0 || !s.EndsWith("ms]", StringComparison.Ordinal))
        {
            return [];
        }

        var time = s[(blank + 1)..^"ms]".Length];
        return !time.IsEmpty && !time.ContainsAnyExceptInRange('0', '9') ? s[..blank] : [];
    }

    /// <summary>Where the blank after <c>HTTP/1.0</c>, <c>HTTP/1.1</c>, <c>HTTP/2</c>, <c>HTTP/2.0</c> or <c>HTTP/3</c> is; -1 otherwise.</summary>
    private static int VersionEnd(ReadOnlySpan<char> s)
    {
        if (s.Length > 9 && s[5] == '1' && s[6] == '.' && s[7] is '0' or '1' && s[8] == ' ')
        {
            return 8;
        }

        // HTTP/2 as curl printed it before 7.47 ("HTTP/2.0 200", no reason phrase; round 112).
        if (s.Length > 9 && s[5] == '2' && s[6] == '.' && s[7] == '0' && s[8] == ' ')
        {
            return 8;
        }

        return s.Length > 7 && s[5] is '2' or '3' && s[6] == ' ' ? 6 : -1;
    }

    /// <summary>Nothing, or a blank and a reason phrase: letters, blanks, hyphens and apostrophes.</summary>
    private static bool IsReasonPhrase(ReadOnlySpan<char> rest)
    {
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest[0] != ' ' || rest.Length - 1 > MaxReason || rest.Length < 2)
        {
            return false;
        }

        foreach (var ch in rest[1..])
        {
            if (!(char.IsAsciiLetter(ch) || ch is ' ' or '-' or '\''))
            {
                return false;
            }
        }

        return true;
    }
}
