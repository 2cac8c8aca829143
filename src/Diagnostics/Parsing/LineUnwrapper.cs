namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Removes what log shippers put around a line: Docker/Kubernetes JSON (<c>{"log":"...","stream":"stderr"}</c>), CRI
/// (<c>2026-11-21T13:41:14.1Z stderr F ...</c>), docker-compose (<c>web_1  | ...</c>), <c>kubectl logs --prefix</c>,
/// and syslog (RFC 3164 with or without <c>&lt;PRI&gt;</c>, RFC 5424, rsyslog ISO stamps). Pure.
/// </summary>
public static class LineUnwrapper
{
    /// <summary>
    /// Returns the inner text. JSON values are unescaped into <paramref name="scratch"/>, which must be at least as long
    /// as the line; otherwise the result is a slice of <paramref name="line"/>.
    /// </summary>
    public static ReadOnlySpan<char> Unwrap(ReadOnlySpan<char> line, Span<char> scratch, int defaultYear, out Envelope envelope)
    {
        envelope = new Envelope { Origin = Segment.None };
        var offset = 0;
        var s = line;
        for (var round = 0; round < 3; round++)
        {
            if (NginxLineParser.LooksLikeRecordStart(s))
            {
                break;
            }

            int skip;
            if (s.Length > 0 && s[0] == '{')
            {
                var inner = UnwrapJson(s, scratch);
                if (inner < 0)
                {
                    break;
                }

                return scratch[..inner];
            }

            // A JSON object behind indentation or a doc comment's star (a test's literal, a Javadoc sample): unwrapped as
            // one that opens the line; the line stays as it is when the object has no message key.
            if (JsonAfterIndent(s) is var brace and > 0 && UnwrapJson(s[brace..], scratch) is var indented and >= 0)
            {
                return scratch[..indented];
            }

            // One member of a pretty-printed object (a shipper's sample, a CI step's JSON dump): its string value is the
            // line, unescaped as a one-line object's would be.
            if (JsonMemberValue(s, scratch) is var value and >= 0)
            {
                return scratch[..value];
            }

            if ((skip = CriPrefix(s)) > 0 || (skip = ComposePrefix(s, offset, ref envelope)) > 0
                || (skip = KubectlPrefix(s)) > 0 || (skip = SyslogPrefix(s, offset, defaultYear, ref envelope)) > 0
                || (skip = DockerTimestampPrefix(s)) > 0 || (skip = FluentdFilePrefix(s)) > 0 || (skip = FluentdStdoutPrefix(s)) > 0)
            {
                offset += skip;
                s = s[skip..];
                continue;
            }

            // Last: markdown and quote marks from a paste (tried only when no log envelope matched).
            if ((skip = PasteNoise.Leading(s)) > 0)
            {
                offset += skip;
                s = s[skip..Math.Max(skip, PasteNoise.ContentEnd(s))];
                continue;
            }

            // A paste site's numbered view copied with its numbers ("  2. \"Unable to open primary script: ...\""): a
            // record's wrapped rest carries the number too, and must reach the join without it.
            if ((skip = PasteNoise.ListNumber(s)) > 0)
            {
                offset += skip;
                s = s[skip..];
                continue;
            }

            break;
        }

        // Last of all, and only for a line that is no record: an issue title in title case, lowered to nginx's spelling,
        // a record with its punctuation escaped for Markdown, unescaped, one with HTML's entities, decoded, or an access line
        // with typographic quotes, straightened.
        if (!NginxLineParser.LooksLikeRecordStart(s))
        {
            if (TitleCasePaste.Applies(s))
            {
                return scratch[..TitleCasePaste.Lower(s, scratch)];
            }

            if (MarkdownEscapes.Applies(s))
            {
                return scratch[..MarkdownEscapes.Unescape(s, scratch)];
            }

            // Both need a character most lines lack (an entity's '&', a tag's '<', an opening smart quote): one
            // vectorised search spares the other lines their four substring searches.
            if (s.IndexOfAny('&', '<', '\u201C') >= 0)
            {
                // A page's or a mail archive's copy with its quotes as HTML entities, decoded.
                if (HtmlEntities.Applies(s))
                {
                    return scratch[..HtmlEntities.Decode(s, scratch)];
                }

                // An access line whose quotes a publishing tool made typographic, straightened.
                if (TypographicQuotes.Applies(s))
                {
                    return scratch[..TypographicQuotes.Straighten(s, scratch)];
                }
            }
        }

        return s;
    }

    /// <summary>CRI: <c>2026-11-21T13:41:14.123456789Z stderr F message</c>.</summary>
    private static int CriPrefix(ReadOnlySpan<char> s)
    {
        if (s.Length < 30 || s[4] != '-' || s[10] != 'T')
        {
            return 0;
        }

        var sp = s.IndexOf(' ');
        if (sp < 19)
        {
            return 0;
        }

        var rest = s[(sp + 1)..];
        foreach (var stream in (ReadOnlySpan<string>)["stderr ", "stdout "])
        {
            if (rest.StartsWith(stream) && rest.Length > stream.Length + 1 && (rest[stream.Length] == 'F' || rest[stream.Length] == 'P')
                && rest.Length > stream.Length + 1 && rest[stream.Length + 1] == ' ')
            {
                return sp + 1 + stream.Length + 2;
            }
        }

        return 0;
    }

    /// <summary>
    /// <c>docker logs --timestamps</c>: <c>2024-04-10T14:39:26.708084488Z message</c> (RFC 3339, nanoseconds, UTC). Tried
    /// after syslog, whose ISO form is followed by a host and a tag instead.
    /// </summary>
    private static int DockerTimestampPrefix(ReadOnlySpan<char> s)
    {
        var sp = s.IndexOf(' ');
        return sp >= 20 && s[10] == 'T' && s[sp - 1] == 'Z' && TimeParsing.Iso(s) is not null && sp + 1 < s.Length ? sp + 1 : 0;
    }

    /// <summary>
    /// Fluentd's out_file lines: the time, the tag and the record as JSON, tab-separated
    /// (<c>2019-10-24T10:47:03+00:00&lt;TAB&gt;nginx-test&lt;TAB&gt;{"log":"...",...}</c>); the JSON is unwrapped next.
    /// </summary>
    private static int FluentdFilePrefix(ReadOnlySpan<char> s)
    {
        var tab = s.IndexOf('\t');
        if (tab < 19 || s[4] != '-' || s[10] != 'T')
        {
            return 0;
        }

        var tag = s[(tab + 1)..].IndexOf('\t');
        var json = tab + tag + 2;
        return tag > 0 && s.Length > json && s[json] == '{' && TimeParsing.Iso(s[..tab]) is not null ? json : 0;
    }

    /// <summary>
    /// Fluentd's out_stdout lines: the local time with its fraction and zone, the tag and a colon, then the record as JSON
    /// (<c>2019-09-03 03:23:46.148419700 +0000 nginx.accesslog: {"message":"..."}</c>); the JSON is unwrapped next.
    /// </summary>
    private static int FluentdStdoutPrefix(ReadOnlySpan<char> s)
    {
        if (s.Length < 32 || s[4] != '-' || s[7] != '-' || s[10] != ' ' || s[13] != ':' || s[16] != ':' || !DecimalText.Digits(s, 0, 4, out _))
        {
            return 0;
        }

        var p = 19;
        if (s[p] == '.')
        {
            p += 1 + s[(p + 1)..].IndexOfAnyExceptInRange('0', '9');
        }

        if (p + 7 >= s.Length || s[p] != ' ' || s[p + 1] is not ('+' or '-') || !DecimalText.Digits(s, p + 2, 4, out _) || s[p + 6] != ' ')
        {
            return 0;
        }

        var tag = p + 7;
        var colon = s[tag..Math.Min(s.Length, tag + 80)].IndexOf(": {", StringComparison.Ordinal);
        return colon > 0 && s.Slice(tag, colon).IndexOf(' ') < 0 ? tag + colon + 2 : 0;
    }

    /// <summary>Where <c>{"</c> opens after blanks or tabs and at most one doc comment's <c>* </c>; 0 when it does not.</summary>
    private static int JsonAfterIndent(ReadOnlySpan<char> s)
    {
        var at = s.IndexOfAnyExcept(" \t");
        if (at > 0 && at + 1 < s.Length && s[at] == '*' && s[at + 1] == ' ')
        {
            var rest = s[(at + 1)..].IndexOfAnyExcept(' ');
            at = rest < 0 ? -1 : at + 1 + rest;
        }

        return at > 0 && at + 1 < s.Length && s[at] == '{' && s[at + 1] == '"' ? at : 0;
    }

    /// <summary>
    /// A pretty-printed object's member line whose key is a message key (<c>  "log": "...",</c>): the value unescaped into
    /// scratch as <see cref="UnwrapJson"/> does; -1 when the line opens with another text.
    /// </summary>
    private static int JsonMemberValue(ReadOnlySpan<char> s, Span<char> scratch)
    {
        var at = s.IndexOfAnyExcept(" \t");
        if (at < 0 || s[at] != '"')
        {
            return -1;
        }

        foreach (var key in MessageKeys)
        {
            if (s[at..].StartsWith(key, StringComparison.Ordinal))
            {
                return StringValue(s[(at + key.Length)..], scratch);
            }
        }

        return -1;
    }

    /// <summary>docker-compose: <c>web_1  | message</c> or <c>web-1  | message</c>.</summary>
    private static int ComposePrefix(ReadOnlySpan<char> s, int offset, ref Envelope envelope)
    {
        // A name starts with a letter or digit, and the bar follows it within MaxComposeBar characters: only that much of
        // the line is searched. "web_1  |" alone is how compose prints an empty line.
        if (s.IsEmpty || !char.IsAsciiLetterOrDigit(s[0]))
        {
            return 0;
        }

        var window = s[..Math.Min(s.Length, MaxComposeBar + " | ".Length)];
        var bar = window.IndexOf(" | ", StringComparison.Ordinal);
        if (bar < 0 && window.Length == s.Length && s.EndsWith(" |", StringComparison.Ordinal))
        {
            bar = s.Length - 2;
        }

        if (bar < 1 || bar > MaxComposeBar)
        {
            return 0;
        }

        var name = s[..bar].TrimEnd(' ');
        if (name.IsEmpty || name.ContainsAnyExcept(NameChars))
        {
            return 0;
        }

        envelope.Origin = new Segment(offset, name.Length);
        return Math.Min(s.Length, bar + 3);
    }

    /// <summary>Where a compose prefix's bar may stand at the latest (a service name and its padding).</summary>
    private const int MaxComposeBar = 80;

    private static readonly System.Buffers.SearchValues<char> NameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-");

    /// <summary><c>kubectl logs --prefix</c>: <c>[pod/web-7d4/nginx] message</c>.</summary>
    private static int KubectlPrefix(ReadOnlySpan<char> s)
    {
        if (!s.StartsWith("[pod/"))
        {
            return 0;
        }

        var close = s.IndexOf("] ", StringComparison.Ordinal);
        return close > 0 ? close + 2 : 0;
    }

    /// <summary>
    /// <c>&lt;PRI&gt;Mmm dd hh:mm:ss host tag[pid]: </c>, <c>&lt;PRI&gt;1 ISO host app procid msgid SD </c>,
    /// and <c>ISO host tag: </c>.
    /// </summary>
    private static int SyslogPrefix(ReadOnlySpan<char> s, int offset, int defaultYear, ref Envelope envelope)
    {
        var p = 0;
        if (s.Length > 3 && s[0] == '<')
        {
            var close = s.IndexOf('>');
            if (close is < 2 or > 4)
            {
                return 0;
            }

            p = close + 1;
            if (s[p..].StartsWith("1 "))
            {
                return Rfc5424(s, p + 2, offset, ref envelope);
            }
        }

        var rest = s[p..];
        int afterTime;
        var bsd = false;
        if (rest.Length > 16 && TimeParsing.Month(rest) > 0 && rest[3] == ' ')
        {
            var dayStart = rest[4] == ' ' ? 5 : 4;
            var q = dayStart;
            var day = (int)DecimalText.ReadNumber(rest, ref q);
            if (day <= 0 || q >= rest.Length || rest[q] != ' ' || !TimeParsing.TryClock(rest, q + 1, out var h, out var m, out var sec))
            {
                return 0;
            }

            envelope.Time = TimeParsing.Make(defaultYear, TimeParsing.Month(rest), day, h, m, sec);
            afterTime = p + q + 9;
            bsd = true;
        }
        else if (TimeParsing.Iso(rest) is { } iso && rest.IndexOf(' ') is var sp and > 18)
        {
            envelope.Time = iso;
            afterTime = p + sp;
        }
        else
        {
            return 0;
        }

        return HostAndTag(s, afterTime, offset, ref envelope, bsd);
    }

    private static int HostAndTag(ReadOnlySpan<char> s, int at, int offset, ref Envelope envelope, bool bsd)
    {
        if (at >= s.Length || s[at] != ' ')
        {
            return 0;
        }

        var hostStart = at + 1;
        var hostLen = s[hostStart..].IndexOf(' ');
        if (hostLen <= 0)
        {
            return 0;
        }

        // A host left out (journalctl output trimmed by the reporter): "Jan 09 14:15:16 kernel: Out of memory: ...".
        // The first word is then the tag itself, "kernel:" or "php-fpm[123]:"; host names carry no ':' at their end.
        if (bsd && s[hostStart + hostLen - 1] == ':' && IsProgramTag(s.Slice(hostStart, hostLen - 1)))
        {
            return s.Slice(hostStart, hostLen - 1).SequenceEqual("kernel") ? hostStart : hostStart + hostLen + 1;
        }

        var tagStart = hostStart + hostLen + 1;
        var colon = s[tagStart..].IndexOf(": ", StringComparison.Ordinal);
        if (colon <= 0 || colon > 64 || s[tagStart..(tagStart + colon)].Contains(' '))
        {
            return 0;
        }

        envelope.Origin = new Segment(offset + hostStart, hostLen);
        var tag = s[tagStart..(tagStart + colon)];
        var end = tagStart + colon + 2;

        // Keep "kernel: " for the kernel recogniser; it needs to know the source.
        return tag.SequenceEqual("kernel") ? tagStart : end;
    }

    /// <summary>A syslog tag as programs set it: lower-case name characters and an optional <c>[pid]</c>.</summary>
    private static bool IsProgramTag(ReadOnlySpan<char> tag)
    {
        var bracket = tag.IndexOf('[');
        var name = bracket < 0 ? tag : tag[..bracket];
        if (name.IsEmpty || name.Length > 48 || name.ContainsAnyExcept(TagChars))
        {
            return false;
        }

        return bracket < 0 || (tag[^1] == ']' && tag.Length - bracket > 2 && !tag[(bracket + 1)..^1].ContainsAnyExceptInRange('0', '9'));
    }

    private static readonly System.Buffers.SearchValues<char> TagChars = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-_./@");

    private static int Rfc5424(ReadOnlySpan<char> s, int at, int offset, ref Envelope envelope)
    {
        // TIMESTAMP HOST APP PROCID MSGID [SD|-] MSG
        var p = at;
        Span<int> fields = stackalloc int[5];
        for (var i = 0; i < 5; i++)
        {
            var sp = s[p..].IndexOf(' ');
            if (sp < 0)
            {
                return 0;
            }

            fields[i] = p;
            p += sp + 1;
        }

        envelope.Time = TimeParsing.Iso(s[fields[0]..]);
        envelope.Origin = new Segment(offset + fields[1], fields[2] - fields[1] - 1);
        if (p < s.Length && s[p] == '-')
        {
            return Math.Min(s.Length, p + 2);
        }

        var sdEnd = s[p..].IndexOf("] ", StringComparison.Ordinal);
        return sdEnd < 0 ? p : p + sdEnd + 2;
    }

    private static readonly string[] MessageKeys = ["\"log\":", "\"message\":", "\"msg\":", "\"MESSAGE\":"];

    /// <summary>Unescapes the "log" (Docker), "message" or "msg" string value of a one-line JSON object into scratch.</summary>
    private static int UnwrapJson(ReadOnlySpan<char> s, Span<char> scratch)
    {
        foreach (var key in MessageKeys)
        {
            var k = s.IndexOf(key, StringComparison.Ordinal);
            if (k < 0)
            {
                continue;
            }

            if (StringValue(s[(k + key.Length)..], scratch) is var n and >= 0)
            {
                return n;
            }
        }

        return -1;
    }

    /// <summary>The string value after a key's colon, unescaped into scratch without its line end; -1 when no string follows.</summary>
    private static int StringValue(ReadOnlySpan<char> s, Span<char> scratch)
    {
        var p = 0;
        while (p < s.Length && s[p] == ' ')
        {
            p++;
        }

        if (p >= s.Length || s[p] != '"')
        {
            return -1;
        }

        var n = JsonString(s[(p + 1)..], scratch);
        while (n > 0 && (scratch[n - 1] == '\n' || scratch[n - 1] == '\r'))
        {
            n--;
        }

        return n;
    }

    private static int JsonString(ReadOnlySpan<char> s, Span<char> dest)
    {
        var n = 0;
        for (var i = 0; i < s.Length && n < dest.Length; i++)
        {
            var ch = s[i];
            if (ch == '"')
            {
                break;
            }

            if (ch != '\\' || i + 1 >= s.Length)
            {
                dest[n++] = ch;
                continue;
            }

            ch = s[++i];
            switch (ch)
            {
                case 'n': dest[n++] = '\n'; break;
                case 't': dest[n++] = '\t'; break;
                case 'r': dest[n++] = '\r'; break;
                case 'b': dest[n++] = '\b'; break;
                case 'f': dest[n++] = '\f'; break;
                case 'u' when i + 4 < s.Length && ushort.TryParse(s.Slice(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    dest[n++] = (char)code;
                    i += 4;
                    break;
                default: dest[n++] = ch; break;
            }
        }

        return n;
    }
}
