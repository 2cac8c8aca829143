namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Parses one nginx error-log record (already unwrapped from syslog, container or JSON envelopes). Pure; allocates
/// nothing; tolerant of cut lines, embedded newlines and unescaped quotes in request, host and referrer.
/// </summary>
public static class NginxLineParser
{
    private static readonly string[] QuotedKeys = ["\", subrequest: \"", "\", upstream: \"", "\", host: \"", "\", referrer: \""];

    /// <summary>True when the text starts like an nginx error-log record: <c>YYYY/MM/DD HH:MM:SS [level] </c>.</summary>
    public static bool LooksLikeRecordStart(ReadOnlySpan<char> s) =>
        s.Length >= 22 && s[4] == '/' && s[7] == '/' && s[10] == ' ' && s[13] == ':' && s[16] == ':' && s[19] == ' '
        && s[20] == '[' && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[3]);

    public static bool TryParse(ReadOnlySpan<char> s, out NginxLine line)
    {
        line = default;
        line.ConnectionId = -1;
        line.ErrnoNumber = -1;
        line.Message = line.ErrnoText = line.Action = line.Client = line.Server = line.Request = line.Subrequest =
            line.Upstream = line.Host = line.Referrer = line.Resolver = line.Level = Segment.None;

        if (!LooksLikeRecordStart(s) || !TryParseTimeCached(s, out line.Time))
        {
            return TryParseLoose(s, ref line);
        }

        var levelEnd = s[21..].IndexOf(']');
        if (levelEnd <= 0)
        {
            return false;
        }

        line.Level = new Segment(21, levelEnd);
        ParseAfterLevel(s, 21 + levelEnd + 1, ref line);
        return true;
    }

    private static readonly string[] Levels = ["[emerg] ", "[alert] ", "[crit] ", "[error] ", "[warn] ", "[notice] ", "[info] ", "[debug] "];

    /// <summary>
    /// Message starts nginx writes for upstream trouble: a line pasted without its time and level (as bug reports and
    /// chat pastes often are) is still read when it starts with one of these.
    /// </summary>
    private static readonly string[] BareMessageStarts =
    [
        "connect() ", "upstream ", "no live upstreams", "recv() failed", "readv() failed", "writev() failed", "send() failed",
        "sendfile() failed", "SSL_do_handshake() failed", "SSL_read() failed", "SSL_write() failed", "peer closed connection in SSL handshake",
        "FastCGI sent in stderr", "no resolver defined to resolve", "socket() failed", "client prematurely closed connection",
        "limiting requests", "limiting connections", "kevent() reported", "epoll_wait() reported", "memcached sent invalid",
    ];

    /// <summary>A record without the time prefix: <c>[error] 822#0: *1 ...</c>, or a bare message (<c>*1 connect() failed ...</c>).</summary>
    private static bool TryParseLoose(ReadOnlySpan<char> s, ref NginxLine line)
    {
        var head = s[..Math.Min(s.Length, 64)];
        foreach (var level in Levels)
        {
            var at = head.IndexOf(level, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || head[at - 1] == ' '))
            {
                line.Level = new Segment(at + 1, level.Length - 3);
                ParseAfterLevel(s, at + level.Length - 1, ref line);
                return true;
            }
        }

        var p = ParseConnectionId(s, 0, ref line);
        var body = s[p..];
        foreach (var start in BareMessageStarts)
        {
            if (body.StartsWith(start, StringComparison.Ordinal))
            {
                ParseBody(s, p, ref line);
                return true;
            }
        }

        var resolved = body.IndexOf(" could not be resolved (", StringComparison.Ordinal);
        if (resolved > 0 && !body[..resolved].Contains(' '))
        {
            ParseBody(s, p, ref line);
            return true;
        }

        line.ConnectionId = -1;
        return false;
    }

    private static void ParseAfterLevel(ReadOnlySpan<char> s, int pos, ref NginxLine line)
    {
        if (pos < s.Length && s[pos] == ' ')
        {
            pos++;
        }

        pos = ParsePidTid(s, pos, ref line);
        pos = ParseConnectionId(s, pos, ref line);
        ParseBody(s, pos, ref line);
    }

    [ThreadStatic]
    private static char[]? _lastStamp;

    [ThreadStatic]
    private static DateTime _lastTime;

    /// <summary>Consecutive records mostly share their second: reuse the last parse when the 19 characters match.</summary>
    private static bool TryParseTimeCached(ReadOnlySpan<char> s, out DateTime time)
    {
        var stamp = s[..19];
        if (_lastStamp is not null && stamp.SequenceEqual(_lastStamp))
        {
            time = _lastTime;
            return true;
        }

        if (!TryParseTime(s, out time))
        {
            return false;
        }

        _lastStamp ??= new char[19];
        stamp.CopyTo(_lastStamp);
        _lastTime = time;
        return true;
    }

    private static bool TryParseTime(ReadOnlySpan<char> s, out DateTime time)
    {
        time = default;
        if (!Digits(s, 0, 4, out var y) || !Digits(s, 5, 2, out var mo) || !Digits(s, 8, 2, out var d)
            || !Digits(s, 11, 2, out var h) || !Digits(s, 14, 2, out var mi) || !Digits(s, 17, 2, out var sec))
        {
            return false;
        }

        if (y < 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59)
        {
            return false;
        }

        time = new DateTime(y, mo, d, h, mi, sec, DateTimeKind.Unspecified);
        return true;
    }

    internal static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                return false;
            }

            value = (value * 10) + (s[i] - '0');
        }

        return true;
    }

    private static int ParsePidTid(ReadOnlySpan<char> s, int pos, ref NginxLine line)
    {
        var p = pos;
        var pid = ReadNumber(s, ref p);
        if (pid < 0 || p >= s.Length || s[p] != '#')
        {
            return pos;
        }

        p++;
        var tid = ReadNumber(s, ref p);
        if (tid < 0 || p + 1 >= s.Length || s[p] != ':' || s[p + 1] != ' ')
        {
            return pos;
        }

        line.Pid = (int)Math.Min(pid, int.MaxValue);
        line.Tid = (int)Math.Min(tid, int.MaxValue);
        return p + 2;
    }

    private static int ParseConnectionId(ReadOnlySpan<char> s, int pos, ref NginxLine line)
    {
        if (pos >= s.Length || s[pos] != '*')
        {
            return pos;
        }

        var p = pos + 1;
        var cid = ReadNumber(s, ref p);
        if (cid < 0 || p >= s.Length || s[p] != ' ')
        {
            return pos;
        }

        line.ConnectionId = cid;
        return p + 1;
    }

    internal static long ReadNumber(ReadOnlySpan<char> s, ref int p)
    {
        var start = p;
        long value = 0;
        while (p < s.Length && char.IsAsciiDigit(s[p]) && p - start < 18)
        {
            value = (value * 10) + (s[p] - '0');
            p++;
        }

        return p == start ? -1 : value;
    }

    private static void ParseBody(ReadOnlySpan<char> s, int start, ref NginxLine line)
    {
        var suffix = FindClientSuffix(s, start, out var isUdp);
        var headEnd = s.Length;
        if (suffix >= 0)
        {
            headEnd = suffix;
            ParseSuffix(s, suffix + (isUdp ? ", udp client: ".Length : ", client: ".Length), ref line);
        }
        else
        {
            var resolver = s[start..].LastIndexOf(", resolver: ");
            if (resolver >= 0)
            {
                headEnd = start + resolver;
                line.Resolver = Segment.Between(headEnd + ", resolver: ".Length, s.Length);
            }
            else
            {
                line.Truncated = s.Length >= 2000;
            }
        }

        headEnd = TrimEnd(s, start, headEnd);
        var messageEnd = ParseAction(s, start, headEnd, ref line);
        messageEnd = ParseErrno(s, start, messageEnd, ref line);
        line.Message = Segment.Between(start, messageEnd);
    }

    private static int TrimEnd(ReadOnlySpan<char> s, int start, int end)
    {
        while (end > start && (s[end - 1] == '\r' || s[end - 1] == '\n'))
        {
            end--;
        }

        return end;
    }

    /// <summary>
    /// Finds <c>, client: X, server: </c> where X holds no comma or quote. Message text (FastCGI stderr) may itself
    /// contain ", client: ", so each occurrence is validated before it is accepted.
    /// </summary>
    private static int FindClientSuffix(ReadOnlySpan<char> s, int start, out bool isUdp)
    {
        isUdp = false;
        var from = start;
        while (from < s.Length)
        {
            var rel = s[from..].IndexOf(", ", StringComparison.Ordinal);
            if (rel < 0)
            {
                return -1;
            }

            var at = from + rel;
            var rest = s[(at + 2)..];
            var keyLen = rest.StartsWith("client: ") ? "client: ".Length : rest.StartsWith("udp client: ") ? "udp client: ".Length : 0;
            if (keyLen > 0)
            {
                var value = rest[keyLen..];
                var comma = value.IndexOfAny(',', '"');
                if (comma < 0 || (value[comma] == ',' && value[comma..].StartsWith(", server: ")))
                {
                    isUdp = keyLen != "client: ".Length;
                    return at;
                }
            }

            from = at + 2;
        }

        return -1;
    }

    private static void ParseSuffix(ReadOnlySpan<char> s, int clientStart, ref NginxLine line)
    {
        var rest = s[clientStart..];
        var serverKey = rest.IndexOf(", server: ");
        if (serverKey < 0)
        {
            line.Client = Segment.Between(clientStart, s.Length);
            line.Truncated = true;
            return;
        }

        line.Client = new Segment(clientStart, serverKey);
        var serverStart = clientStart + serverKey + ", server: ".Length;
        var afterServer = s[serverStart..];
        var serverEnd = afterServer.IndexOf(", ");
        line.Server = new Segment(serverStart, serverEnd < 0 ? afterServer.Length : serverEnd);
        if (serverEnd < 0)
        {
            return;
        }

        var pos = serverStart + serverEnd;
        pos = Quoted(s, pos, ", request: \"", ref line.Request, ref line.Truncated);
        pos = Quoted(s, pos, ", subrequest: \"", ref line.Subrequest, ref line.Truncated);
        var upstreamPos = pos;
        pos = Quoted(s, pos, ", upstream: \"", ref line.Upstream, ref line.Truncated);
        line.IsStream = !line.Request.IsPresent && (s[upstreamPos..].Contains(", bytes from/to client:", StringComparison.Ordinal)
            || (line.Upstream.IsPresent && !line.Upstream.Of(s).Contains("://", StringComparison.Ordinal)));
        pos = Quoted(s, pos, ", host: \"", ref line.Host, ref line.Truncated);
        Quoted(s, pos, ", referrer: \"", ref line.Referrer, ref line.Truncated);
    }

    /// <summary>
    /// Reads <c>, key: "value"</c> at <paramref name="pos"/>. Quotes inside values are not escaped, so the value ends at
    /// the next <c>", knownkey: "</c> or at the closing quote that ends the line.
    /// </summary>
    private static int Quoted(ReadOnlySpan<char> s, int pos, string key, ref Segment field, ref bool truncated)
    {
        if (pos >= s.Length || !s[pos..].StartsWith(key))
        {
            return pos;
        }

        var valueStart = pos + key.Length;
        var end = NextQuotedKey(s[valueStart..]);
        if (end >= 0)
        {
            field = new Segment(valueStart, end);
            return valueStart + end + 1;
        }

        var trimmed = TrimEnd(s, valueStart, s.Length);
        var tail = s[valueStart..trimmed];
        var bytesMarker = tail.IndexOf("\", bytes from/to client:", StringComparison.Ordinal);
        if (bytesMarker >= 0)
        {
            field = new Segment(valueStart, bytesMarker);
            return valueStart + bytesMarker + 1;
        }

        if (tail.Length > 0 && tail[^1] == '"')
        {
            field = new Segment(valueStart, tail.Length - 1);
        }
        else
        {
            field = new Segment(valueStart, tail.Length);
            truncated = true;
        }

        return trimmed;
    }

    /// <summary>One pass over the quotes of a value: the first <c>", key: "</c> with a known key ends it.</summary>
    private static int NextQuotedKey(ReadOnlySpan<char> rest)
    {
        var at = 0;
        while (true)
        {
            var q = rest[at..].IndexOf("\", ", StringComparison.Ordinal);
            if (q < 0)
            {
                return -1;
            }

            var i = at + q;
            var after = rest[(i + 1)..];
            foreach (var next in QuotedKeys)
            {
                if (after.StartsWith(next.AsSpan(1), StringComparison.Ordinal))
                {
                    return i;
                }
            }

            at = i + 1;
        }
    }

    private static int ParseAction(ReadOnlySpan<char> s, int start, int end, ref NginxLine line)
    {
        var head = s[start..end];
        var w = head.LastIndexOf(" while ", StringComparison.Ordinal);
        if (w <= 0)
        {
            return end;
        }

        var candidate = head[(w + " while ".Length)..];

        // An action we do not know yet must still look like one: plain lowercase words, e.g. a newer nginx's phase. Every
        // known action looks like one too, so the list is searched only for what does not.
        if ((candidate.Length is > 0 and < 60 && !candidate.ContainsAnyExcept(ActionChars)) || IsKnownAction(candidate))
        {
            line.Action = new Segment(start + w + " while ".Length, candidate.Length);
            return start + w;
        }

        return end;
    }

    private static bool IsKnownAction(ReadOnlySpan<char> candidate)
    {
        foreach (var action in NginxActions.Known)
        {
            if (candidate.SequenceEqual(action))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> ActionChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzSLTPH0123456789 /-");

    /// <summary>The <c> (N: text)</c> part sits immediately before the action (or the end of the message).</summary>
    private static int ParseErrno(ReadOnlySpan<char> s, int start, int end, ref NginxLine line)
    {
        var head = s[start..end];
        if (head.Length < 6 || head[^1] != ')')
        {
            return end;
        }

        // The errno group is always the last parenthesised group; an SSL "(SSL: ...)" group has no number.
        var open = head.LastIndexOf(" (", StringComparison.Ordinal);
        if (open < 0)
        {
            return end;
        }

        var p = start + open + 2;
        var number = ReadNumber(s, ref p);
        if (number >= 0 && p + 1 < end && s[p] == ':' && s[p + 1] == ' ')
        {
            line.ErrnoNumber = (int)Math.Min(number, int.MaxValue);
            line.ErrnoText = Segment.Between(p + 2, end - 1);
            line.Errno = ErrnoTable.Lookup(line.ErrnoNumber, line.ErrnoText.Of(s));
            return start + open;
        }

        return end;
    }
}
