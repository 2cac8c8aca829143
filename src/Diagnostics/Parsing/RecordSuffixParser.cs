namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// The suffix nginx appends to a request's record: <c>, client: X, server: Y, request: "..."</c> and the quoted
/// <c>subrequest</c>, <c>upstream</c>, <c>host</c> and <c>referrer</c> fields (unescaped quotes inside), the mail
/// module's tail and a health check's.
/// </summary>
internal static class RecordSuffixParser
{
    private static readonly string[] QuotedKeys = ["\", subrequest: \"", "\", upstream: \"", "\", host: \"", "\", referrer: \""];

    /// <summary>The client key after a pager's wrap mark: the row ended after the comma with a backslash, rejoined with a space.</summary>
    internal const string PagerWrappedClientKey = ", \\ client: ";

    /// <summary>
    /// Where the suffix starts in a record a pager wrapped right after the action's comma (<c>... from upstream, \</c> /
    /// <c>client: 10.0.0.1, ...</c>), or -1. Looked for only once the plain key was not found, so a whole record pays nothing.
    /// </summary>
    internal static int PagerWrappedClientSuffix(ReadOnlySpan<char> s, int start)
    {
        var at = s[start..].IndexOf(PagerWrappedClientKey, StringComparison.Ordinal);
        return at < 0 ? -1 : start + at;
    }

    /// <summary>The client key with no blank after it, the address joined to it by a redacting writer.</summary>
    internal const string JoinedClientKey = ", client:";

    /// <summary>
    /// Where the suffix starts in a record whose writer redacted the client address and lost the blank after its key
    /// (<c>... while reading upstream, client:xxx.xxx.xxx.xxx, server: *.xxx.com, request: ...</c>, as WriterJoinedServer
    /// reads "server:xxx"), or -1. The address must run to a comma that starts the server field (or the fields a writer
    /// keeps when dropping it), so message text that says "client:" is left alone. Looked for only once the plain and the
    /// pager-wrapped keys were not found, so a whole record pays nothing.
    /// </summary>
    internal static int JoinedClientSuffix(ReadOnlySpan<char> s, int start)
    {
        var rel = s[start..].IndexOf(JoinedClientKey, StringComparison.Ordinal);
        if (rel < 0)
        {
            return -1;
        }

        var at = start + rel;
        var value = s[(at + JoinedClientKey.Length)..];
        if (value.IsEmpty || value[0] is ' ' or ',')
        {
            return -1;
        }

        var comma = value.IndexOfAny(',', '"');
        return comma > 0 && value[comma] == ',' && (value[comma..].StartsWith(", server: ") || WriterDroppedServer(value[comma..])) ? at : -1;
    }

    internal static int ClientKeyLength(bool isUdp) => isUdp ? ", udp client: ".Length : ", client: ".Length;

    /// <summary>
    /// Code that split a record over string literals before its errno group ('... is not found ' / '(2: No such ...'):
    /// the first literal's closing quote, a lone quote after a space, ends the message once the lines are joined. nginx
    /// never ends a message so, so the quote and the space go (the "is not found" and "failed" tests look at the end).
    /// </summary>
    internal static int LiteralQuoteBefore(ReadOnlySpan<char> s, int start, int messageEnd, in NginxLine line)
    {
        if (line.ErrnoNumber < 0 || messageEnd - start < 3 || s[messageEnd - 1] is not ('\'' or '"') || s[messageEnd - 2] != ' ')
        {
            return messageEnd;
        }

        return messageEnd - 2;
    }

    /// <summary>
    /// A record quoted whole and cut after its client address: the quote that closes it ends the line, maybe with a
    /// string literal's comma or a sentence's full stop after it (<c>..., client: 10.0.0.1",</c>).
    /// </summary>
    private static bool QuoteClosesLine(ReadOnlySpan<char> after) => after.Trim(" \t,.;)`").IsEmpty;

    /// <summary>
    /// Finds <c>, client: X, server: </c> where X holds no comma or quote. Message text (FastCGI stderr) may itself
    /// contain ", client: ", so each occurrence is validated before it is accepted.
    /// </summary>
    internal static int FindClientSuffix(ReadOnlySpan<char> s, int start, out bool isUdp)
    {
        isUdp = false;
        var from = start;
        while (from < s.Length)
        {
            // Only ", client: " and ", udp client: " can start the suffix: one vectorised search for both skips the other
            // ", " of the message (FastCGI stderr has many).
            var rel = s[from..].IndexOfAny(ClientKeys);
            if (rel < 0)
            {
                return -1;
            }

            var at = from + rel;
            if (IsClientSuffix(s, at, out isUdp))
            {
                return at;
            }

            from = at + 2;
        }

        return -1;
    }

    /// <summary>
    /// True when <c>, client: X, server: </c> (or <c>, udp client: </c>) starts at <paramref name="at"/>, where X holds no
    /// comma or quote: what starts the suffix, not message text that happens to say ", client: ".
    /// </summary>
    internal static bool IsClientSuffix(ReadOnlySpan<char> s, int at, out bool isUdp)
    {
        isUdp = false;
        var rest = s[at..];
        var keyLen = rest.StartsWith(", client: ") ? ", client: ".Length : rest.StartsWith(", udp client: ") ? ", udp client: ".Length : 0;
        if (keyLen == 0)
        {
            return false;
        }

        var value = rest[keyLen..];
        var comma = value.IndexOfAny(',', '"');
        if (comma < 0 || (value[comma] == ',' && (value[comma..].StartsWith(", server: ") || WriterDroppedServer(value[comma..])
            || WriterJoinedServer(value[comma..]))) || (value[comma] == '"' && QuoteClosesLine(value[(comma + 1)..])))
        {
            isUdp = keyLen != ", client: ".Length;
            return true;
        }

        return false;
    }

    /// <summary>
    /// nginx always writes "server:" after the client; a writer who cut it ("client: ip, upstream: "...", or elided it:
    /// "client: IP, ..., request: ...", or elided everything after it: "client: IP, ...") still leaves the suffix. Only
    /// looked at when ", server: " does not follow.
    /// </summary>
    private static bool WriterDroppedServer(ReadOnlySpan<char> afterClient) =>
        afterClient.StartsWith(", request: \"") || afterClient.StartsWith(", upstream: \"") || afterClient.StartsWith(", ...,")
        || afterClient.StartsWith(", \u2026,") || WriterElidedRest(afterClient) || CutInsideServerKey(afterClient);

    /// <summary>
    /// The line was cut inside the server key or right after the client's comma ("client: 94.76.87.48, serve$",
    /// "client: 24.64.69.223, $": an editor's mark where the screen ended, or a table's " | |" after it): what is left
    /// after the client is a start of ", server: " and nothing more.
    /// </summary>
    private static bool CutInsideServerKey(ReadOnlySpan<char> afterClient)
    {
        var left = afterClient.TrimEnd(" \t$|`.\u2026");
        return left.Length >= 1 && left.Length < ", server: ".Length && ", server: ".AsSpan().StartsWith(left);
    }

    /// <summary>
    /// The writer's elision ends the line right after the client ("client: 192.168.1.50, ..."): nothing but the marks
    /// and closing punctuation follow, so no message text can hide behind it.
    /// </summary>
    private static bool WriterElidedRest(ReadOnlySpan<char> afterClient) =>
        (afterClient.StartsWith(", ...") || afterClient.StartsWith(", \u2026")) && afterClient[2..].Trim(" \t.\u2026\"'`)").IsEmpty;

    /// <summary>
    /// A writer who redacted the server name may lose the space after its key ("client: 10.244.5.1, server:xxx, request:
    /// ..."). Only looked at when neither nginx's ", server: " nor a dropped server follows the client.
    /// </summary>
    private static bool WriterJoinedServer(ReadOnlySpan<char> afterClient) =>
        afterClient.Length > ", server:".Length && afterClient.StartsWith(", server:") && afterClient[", server:".Length] is not (' ' or ',');

    private static readonly System.Buffers.SearchValues<string> ClientKeys =
        System.Buffers.SearchValues.Create([", client: ", ", udp client: "], StringComparison.Ordinal);

    internal static void ParseSuffix(ReadOnlySpan<char> s, int clientStart, ref NginxLine line)
    {
        var rest = s[clientStart..];
        var serverKey = SpanSearch.IndexOfRare(rest, ", server: ");
        var keyLength = ", server: ".Length;
        if (serverKey < 0)
        {
            // "server:xxx": the space a redacting writer lost (see WriterJoinedServer).
            serverKey = rest.IndexOf(", server:");
            keyLength = ", server:".Length;
        }

        if (serverKey < 0)
        {
            line.Client = Segment.Between(clientStart, s.Length);
            line.Truncated = true;
            return;
        }

        line.Client = new Segment(clientStart, serverKey);
        var serverStart = clientStart + serverKey + keyLength;
        var afterServer = s[serverStart..];
        var serverEnd = SpanSearch.IndexOfRare(afterServer, ", ");
        line.Server = new Segment(serverStart, serverEnd < 0 ? afterServer.Length : serverEnd);
        if (serverEnd < 0)
        {
            return;
        }

        var pos = serverStart + serverEnd;
        if (s[pos..].StartsWith(MailLoginKey, StringComparison.Ordinal))
        {
            ParseMailTail(s, pos, ref line);
            return;
        }

        pos = Quoted(s, pos, ", request: \"", ref line.Request, ref line.Truncated);
        if (!line.Request.IsPresent && s[pos..].StartsWith(EmptiedRequest, StringComparison.Ordinal))
        {
            // A writer emptied the request field ("request: , subrequest: ..."): the fields after it still count.
            pos += EmptiedRequest.Length - 2;
        }
        else if (!line.Request.IsPresent && s[pos..].StartsWith(EscapedKeys[0], StringComparison.Ordinal))
        {
            EscapedTail(s, pos, ref line);
            return;
        }

        pos = Quoted(s, pos, ", subrequest: \"", ref line.Subrequest, ref line.Truncated);
        var upstreamPos = pos;
        pos = Quoted(s, pos, ", upstream: \"", ref line.Upstream, ref line.Truncated);
        line.IsStream = !line.Request.IsPresent && (s[upstreamPos..].Contains(", bytes from/to client:", StringComparison.Ordinal)
            || (line.Upstream.IsPresent && !line.Upstream.Of(s).Contains("://", StringComparison.Ordinal)));
        pos = Quoted(s, pos, ", host: \"", ref line.Host, ref line.Truncated);
        Quoted(s, pos, ", referrer: \"", ref line.Referrer, ref line.Truncated);
    }

    private const string EmptiedRequest = ", request: , ";

    private static readonly string[] EscapedKeys = [", request: \\\"", ", subrequest: \\\"", ", upstream: \\\"", ", host: \\\"", ", referrer: \\\""];

    private static readonly string[] EscapedValueEnds = [.. EscapedKeys.Select(k => "\\\"" + k)];

    /// <summary>
    /// A record kept in a code literal or a JSON string nothing unwrapped, every quote of its suffix escaped
    /// (<c>request: \"GET / HTTP/1.1\", subrequest: \"/auth\", upstream: \"http://...\"</c>): the fields are read with
    /// the escaped keys, a value ending at the escaped quote before a later key, the last one at the line's last escaped
    /// quote. Reached only by a record whose request field did not open with a plain quote.
    /// </summary>
    private static void EscapedTail(ReadOnlySpan<char> s, int pos, ref NginxLine line)
    {
        for (var k = 0; k < EscapedKeys.Length && pos < s.Length; k++)
        {
            if (!s[pos..].StartsWith(EscapedKeys[k], StringComparison.Ordinal))
            {
                continue;
            }

            var start = pos + EscapedKeys[k].Length;
            var rest = s[start..];
            var end = -1;
            for (var next = k + 1; next < EscapedValueEnds.Length && end < 0; next++)
            {
                end = rest.IndexOf(EscapedValueEnds[next], StringComparison.Ordinal);
            }

            end = end >= 0 ? end : rest.LastIndexOf("\\\"", StringComparison.Ordinal);
            if (end < 0)
            {
                line.Truncated = true;
                end = NginxLineParser.TrimEnd(s, start, s.Length) - start;
            }

            var field = new Segment(start, end);
            switch (k)
            {
                case 0: line.Request = field; break;
                case 1: line.Subrequest = field; break;
                case 2: line.Upstream = field; break;
                case 3: line.Host = field; break;
                default: line.Referrer = field; break;
            }

            pos = Math.Min(s.Length, start + end + 2);
        }
    }

    private const string MailLoginKey = ", login: \"";

    private const string MailUpstreamKey = "\", upstream: ";

    /// <summary>
    /// The mail proxy's suffix (ngx_mail_log_error): <c>, login: "NAME"</c> after the server once the client gave a login,
    /// then <c>, upstream: ADDR</c>, unquoted, once a backend was chosen; a STARTTLS session's client reads
    /// <c>ADDR using starttls</c>. HTTP writes no login key, so the record is a mail session's. The login is the
    /// client's own text and may hold quotes, so it ends at the last <c>", upstream: </c>; the address ends at the
    /// line's end or at the ", " of the "client logged in" line's address pairs.
    /// </summary>
    private static void ParseMailTail(ReadOnlySpan<char> s, int pos, ref NginxLine line)
    {
        line.IsMail = true;
        const string StartTls = " using starttls";
        if (line.Client.Of(s).EndsWith(StartTls, StringComparison.Ordinal))
        {
            line.Client = new Segment(line.Client.Start, line.Client.Length - StartTls.Length);
        }

        var loginStart = pos + MailLoginKey.Length;
        var key = s[loginStart..].LastIndexOf(MailUpstreamKey, StringComparison.Ordinal);
        if (key < 0)
        {
            return;
        }

        var start = loginStart + key + MailUpstreamKey.Length;
        var end = s[start..].IndexOf(", ", StringComparison.Ordinal);
        var length = end >= 0 ? end : NginxLineParser.TrimEnd(s, start, s.Length) - start;
        if (length > 0)
        {
            line.Upstream = new Segment(start, length);
        }
    }

    /// <summary>
    /// Reads <c>, key: "value"</c> at <paramref name="pos"/>. Quotes inside values are not escaped, so the value ends at
    /// the next <c>", knownkey: "</c> or at the closing quote that ends the line.
    /// </summary>
    private static int Quoted(ReadOnlySpan<char> s, int pos, string key, ref Segment field, ref bool truncated)
    {
        // The key's first letter (", request: ", ", upstream: ", ...) is looked at before the whole key is compared.
        if (pos + key.Length > s.Length || s[pos + 2] != key[2] || !s[pos..].StartsWith(key))
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

        var trimmed = NginxLineParser.TrimEnd(s, valueStart, s.Length);
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
            var q = SpanSearch.IndexOfRare(rest[at..], "\", ");
            if (q < 0)
            {
                return -1;
            }

            // After the ", " the key's first letter tells which key it could be: only that one is compared.
            var i = at + q;
            var after = rest[(i + 1)..];
            foreach (var next in QuotedKeys)
            {
                if (after.Length > 2 && after[2] == next[3] && after.StartsWith(next.AsSpan(1), StringComparison.Ordinal))
                {
                    return i;
                }
            }

            at = i + 1;
        }
    }

    internal const string HealthCheckSuffix = ", health check \"";

    /// <summary>
    /// NGINX Plus's active health checks end their records with <c>, health check "NAME" of peer ADDR in upstream
    /// "NAME"</c> (sometimes <c>, port N</c> after it) where a request's record has its client suffix: the head ends there,
    /// so the action before it is read. Searched only in records that have neither a client nor a resolver suffix.
    /// </summary>
    internal static int HealthCheckSuffixStart(ReadOnlySpan<char> s, int start, ref NginxLine line)
    {
        var at = s[start..].IndexOf(HealthCheckSuffix, StringComparison.Ordinal);
        if (at < 0 || !s[(start + at)..].Contains("\" of peer ", StringComparison.Ordinal))
        {
            return s.Length;
        }

        line.IsHealthCheck = true;

        // A viewer's parenthesised note between the action and the suffix ("... to upstream (status 0), health check")
        // is not part of the action.
        var head = s[start..(start + at)];
        var note = head.LastIndexOf(" (", StringComparison.Ordinal);
        return note > 0 && head[^1] == ')' && head[..note].EndsWith(" upstream", StringComparison.Ordinal)
            ? start + note : start + at;
    }
}
