using System.Runtime.CompilerServices;
namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Parses one nginx error-log record (already unwrapped from syslog, container or JSON envelopes). Pure; allocates
/// nothing; tolerant of cut lines, embedded newlines and unescaped quotes in request, host and referrer.
/// </summary>
public static class NginxLineParser
{
    /// <summary>True when the text starts like an nginx error-log record: <c>YYYY/MM/DD HH:MM:SS [level] </c>.</summary>
    public static bool LooksLikeRecordStart(ReadOnlySpan<char> s) => s.Length >= 22 && s[20] == '[' && StartsWithTime(s);

    /// <summary>
    /// True when the text starts with nginx's date and time and no level follows (<c>2022/12/18 16:10:30 name: ...</c>):
    /// the shape of Go's standard logger, which nginx never writes, since its records always carry the level there.
    /// </summary>
    internal static bool StartsWithTimeWithoutLevel(ReadOnlySpan<char> s) => s.Length > 20 && s[20] is not ('[' or ' ') && StartsWithTime(s);

    /// <summary><c>YYYY/MM/DD HH:MM:SS </c> by its separators and first and last year digit; the caller checks that 20 characters are there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StartsWithTime(ReadOnlySpan<char> s) =>
        s[4] == '/' && s[7] == '/' && s[10] == ' ' && s[13] == ':' && s[16] == ':' && s[19] == ' ' && char.IsAsciiDigit(s[0]) && char.IsAsciiDigit(s[3]);

    /// <summary>A record with nothing parsed yet: no connection id, no errno, every part absent.</summary>
    internal static readonly NginxLine Empty = CreateEmpty();

    private static NginxLine CreateEmpty()
    {
        SetEmpty(out var line);
        return line;
    }

    /// <summary>
    /// Sets <paramref name="line"/> to <see cref="Empty"/> field by field: the caller's record usually lives on the heap,
    /// where copying a whole struct that holds a reference goes through the GC's write barrier.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetEmpty(out NginxLine line)
    {
        line = default;
        line.ConnectionId = -1;
        line.ErrnoNumber = -1;
        line.Level = line.Message = line.ErrnoText = line.Action = line.Client = line.Server = Segment.None;
        line.Request = line.Subrequest = line.Upstream = line.Host = line.Referrer = line.Resolver = Segment.None;
    }

    public static bool TryParse(ReadOnlySpan<char> s, out NginxLine line)
    {
        SetEmpty(out line);

        if (!LooksLikeRecordStart(s) || !RecordPrefixParser.TryParseTimeCached(s, out line.Time))
        {
            // The loose paths may rework the message after the head was parsed: no shared head for them.
            var parsed = LooseRecordParser.TryParseLoose(s, ref line);
            line.Head = null;
            return parsed;
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

    /// <summary>nginx's levels as a record writes them, with the space that follows.</summary>
    internal static readonly string[] Levels = ["[emerg] ", "[alert] ", "[crit] ", "[error] ", "[warn] ", "[notice] ", "[info] ", "[debug] "];

    /// <summary>
    /// Message starts nginx writes for upstream trouble: a line pasted without its time and level (as bug reports and
    /// chat pastes often are) is still read when it starts with one of these.
    /// </summary>
    internal static readonly string[] BareMessageStarts =
    [
        "connect() ", "upstream ", "no live upstreams", "recv() failed", "readv() failed", "writev() failed", "send() failed",
        "sendfile() failed", "SSL_do_handshake() failed", "SSL_read() failed", "SSL_write() failed", "peer closed connection in SSL handshake",
        "FastCGI sent in stderr", "no resolver defined to resolve", "client prematurely closed connection",

        // socket() for an upstream connection ("socket() failed") or for a listening address ("socket() [::]:443 failed").
        "socket() ", "client closed connection", "client closed prematurely connection",
        "limiting requests", "limiting connections", "kevent() reported", "epoll_wait() reported", "memcached sent invalid",
        "accept4() failed", "accept() failed", RequestOnlyMessages.TooLargeBody, "WSARecv() failed", "WSASend() failed",

        // A file call on a quoted path (static files, nginx's temp files): never how PHP's stderr text goes on.
        "open() \"", "stat() \"",

        // Written only for a request, whose status they decide (403, 500): quoted alone, they still say what the client got.
        RequestOnlyMessages.AccessForbidden, RequestOnlyMessages.DirectoryIndex, RequestOnlyMessages.RedirectionCycle, RequestOnlyMessages.ClientSent,
        RequestOnlyMessages.AuthRequestStatus, RequestOnlyMessages.NamedLocationMissing, "no user/password was provided for basic authentication", "client SSL certificate verify error",
        "uwsgi request is too big", "uwsgi request is too little", "uwsgi request length mismatch", "scgi request length mismatch",
        "fastcgi request record is too big", "fastcgi request length mismatch",

        // ModSecurity-nginx's intervention, quoted from its message on: it names the status the module answers.
        RequestOnlyMessages.ModSecurityDenial,

        // image_filter's refusal of an image over image_filter_buffer, written only for a request (its 415).
        RequestOnlyMessages.ImageFilterTooBig,

        // PHP-FPM's answer quoted from its opening quote on, nginx's "FastCGI sent in stderr: " dropped by the writer, or
        // from inside the quotes with only the closing one left.
        "\"Primary script unknown\"", "Primary script unknown\" ",

        // PHP-FPM's other answer for a script it cannot open, quoted the same way from its opening quote on: its 404 (403
        // for EACCES).
        FastcgiUnableToOpen,

        // PHP-FPM's security.limit_extensions refusal, its whole stderr text, quoted from its own words on (its 403).
        FastcgiDeniedExtension,
    ];

    /// <summary>PHP-FPM's <c>Unable to open primary script: PATH (strerror)</c> quoted from its opening quote on.</summary>
    internal const string FastcgiUnableToOpen = "\"Unable to open primary script: ";

    /// <summary>The start of PHP-FPM's security.limit_extensions refusal: <c>Access to the script '%s' has been denied (see ...)</c>.</summary>
    internal const string FastcgiDeniedExtension = "Access to the script '";

    /// <summary>True when the text starts at a record's level, its time left out: <c>[error] 1103#1103: ...</c>.</summary>
    internal static bool StartsWithLevel(ReadOnlySpan<char> s)
    {
        foreach (var level in Levels)
        {
            if (s.StartsWith(level, StringComparison.Ordinal))
            {
                return s.Length > level.Length && char.IsAsciiDigit(s[level.Length]);
            }
        }

        return false;
    }

    /// <summary>True when the text starts with one of the message starts nginx writes for upstream trouble.</summary>
    /// <remarks>
    /// The resolver refusing an answer counts too ("wrong ident 55459 response for www.example.com, expect 35531"), but
    /// only where a quote starts, not found inside prose: one of its starts, "unexpected response for", is also other
    /// programs' wording ("client: unexpected response for /api").
    /// </remarks>
    internal static bool StartsWithKnownMessage(ReadOnlySpan<char> s) =>
        !s.IsEmpty && KnownMessageFirstChars.Contains(s[0])
        && (SpanSearch.StartsWithAny(s, BareMessageStarts) || SpanSearch.StartsWithAny(s, ResolverMessages.Starts));

    /// <summary>
    /// The characters the known message starts begin with: most lines asked about (companion records, pasted prose) start
    /// with none of them, and are answered without comparing the fifty starts one by one.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> KnownMessageFirstChars =
        System.Buffers.SearchValues.Create([.. BareMessageStarts.Concat(ResolverMessages.Starts).Select(m => m[0]).Distinct()]);

    /// <summary>True when the text holds a record's head somewhere: a level and a pid, <c>[error] 1404#1404: </c>.</summary>
    internal static bool HoldsRecordHead(ReadOnlySpan<char> s)
    {
        for (var at = s.IndexOf('['); at >= 0;)
        {
            if (StartsWithLevel(s[at..]))
            {
                return true;
            }

            var next = s[(at + 1)..].IndexOf('[');
            at = next < 0 ? -1 : at + 1 + next;
        }

        return false;
    }

    /// <summary>A bare message behind its connection number, <c>*80789636 socket() failed ...</c>.</summary>
    internal static bool StartsWithCountedMessage(ReadOnlySpan<char> s)
    {
        if (s.Length < 3 || s[0] != '*')
        {
            return false;
        }

        var digits = s[1..].IndexOfAnyExceptInRange('0', '9');
        return digits > 0 && s[1 + digits] == ' ' && StartsWithOwnMessage(s[(digits + 2)..]);
    }

    /// <summary>
    /// True when the text starts with a message of nginx's own: a known start, or the worker_connections alert without
    /// its count ("worker_connections are not enough while connecting to upstream").
    /// </summary>
    internal static bool StartsWithOwnMessage(ReadOnlySpan<char> s) => StartsWithKnownMessage(s) || LooseRecordParser.CountedMessageStart(s) == 0;

    /// <summary>
    /// Where a record starts in the first <paramref name="within"/> characters of a line, behind any prefix (a JSON key
    /// and quote, a container name): -1 when none does.
    /// </summary>
    internal static int RecordStartWithin(ReadOnlySpan<char> s, int within)
    {
        var limit = Math.Min(s.Length, within + 5);
        for (var slash = s[..limit].IndexOf('/'); slash >= 4;)
        {
            if (LooksLikeRecordStart(s[(slash - 4)..]))
            {
                return slash - 4;
            }

            var next = s[(slash + 1)..limit].IndexOf('/');
            slash = next < 0 ? -1 : slash + 1 + next;
        }

        return -1;
    }

    /// <summary>True when the text holds one of the message starts nginx writes for upstream trouble.</summary>
    internal static bool MentionsKnownMessage(ReadOnlySpan<char> s)
    {
        foreach (var bare in BareMessageStarts)
        {
            if (s.Contains(bare, StringComparison.Ordinal))
            {
                return true;
            }
        }

        // An errno's text whose number the writer elided, before an upstream action ("... Connection reset by peer while
        // reading response header").
        return BareErrnoReader.NumberlessErrnoStart(s, out _) >= 0;
    }

    /// <summary>True when the text quotes a known message after a lead-in of its own (see <see cref="ProseLead"/>).</summary>
    internal static bool QuotesKnownMessage(ReadOnlySpan<char> s) => ProseQuotes.ProseLead(s) > 0;

    internal static void ParseAfterLevel(ReadOnlySpan<char> s, int pos, ref NginxLine line)
    {
        if (pos < s.Length && s[pos] == ' ')
        {
            pos++;
        }

        var head = pos;
        pos = RecordPrefixParser.ParsePidTid(s, pos, ref line);
        if (pos == head)
        {
            // No pid: a writer may have elided the head after the level ("[info] ... client sent ..."). Records with a
            // pid never get here.
            pos = AfterElision(s, pos);
        }

        pos = RecordPrefixParser.ParseConnectionId(s, pos, ref line);
        ParseBody(s, pos, ref line);
    }

    /// <summary>Past a writer's ellipsis and the blank after it ("... ", "… "), or <paramref name="pos"/>.</summary>
    private static int AfterElision(ReadOnlySpan<char> s, int pos)
    {
        var rest = s[pos..];
        var length = rest.StartsWith("... ", StringComparison.Ordinal) ? 4 : rest.StartsWith("\u2026 ", StringComparison.Ordinal) ? 2 : 0;
        return pos + length;
    }

    internal static void ParseBody(ReadOnlySpan<char> s, int start, ref NginxLine line)
    {
        var memo = _bodyMemo ??= new BodyMemo();
        var known = memo.TryApply(s, start, ref line, out var isUdp);
        if (known >= 0)
        {
            RecordSuffixParser.ParseSuffix(s, known + RecordSuffixParser.ClientKeyLength(isUdp), ref line);
            MarkStreamRefusal(s, ref line);
            return;
        }

        var suffix = RecordSuffixParser.FindClientSuffix(s, start, out isUdp);
        var headEnd = s.Length;
        if (suffix >= 0)
        {
            headEnd = suffix;
            RecordSuffixParser.ParseSuffix(s, suffix + RecordSuffixParser.ClientKeyLength(isUdp), ref line);
        }
        else if (RecordSuffixParser.PagerWrappedClientSuffix(s, start) is >= 0 and var wrapped)
        {
            headEnd = wrapped;
            RecordSuffixParser.ParseSuffix(s, wrapped + RecordSuffixParser.PagerWrappedClientKey.Length, ref line);
        }
        else if (RecordSuffixParser.JoinedClientSuffix(s, start) is >= 0 and var joined)
        {
            headEnd = joined;
            RecordSuffixParser.ParseSuffix(s, joined + RecordSuffixParser.JoinedClientKey.Length, ref line);
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
                headEnd = RecordSuffixParser.HealthCheckSuffixStart(s, start, ref line);
                line.Truncated = s.Length >= 2000;
            }
        }

        headEnd = TrimEnd(s, start, headEnd);

        // A paste cut right after the action keeps the comma that began the suffix: "... to upstream,", or that comma
        // and a key whose value went to the next line ("... to upstream, upstream:").
        if (suffix < 0 && headEnd > start && s[headEnd - 1] == ':')
        {
            headEnd = start + CutSuffixKeyStart(s[start..headEnd]);
        }

        if (suffix < 0 && headEnd > start && s[headEnd - 1] == ',')
        {
            headEnd--;
        }

        var messageEnd = MessageTailParser.ParseAction(s, start, headEnd, ref line);
        var cut = suffix < 0 && !line.Action.IsPresent && !line.Resolver.IsPresent;
        messageEnd = MessageTailParser.ParseErrno(s, start, messageEnd, cut, ref line);
        line.Message = Segment.Between(start, RecordSuffixParser.LiteralQuoteBefore(s, start, messageEnd, in line));
        if (suffix >= 0)
        {
            line.Head = memo.Store(s, start, suffix, in line);
        }

        MarkStreamRefusal(s, ref line);
    }

    /// <summary>
    /// The stream access and limit_conn modules write the same words as the HTTP ones ("access forbidden by rule",
    /// "limiting connections by zone") but for a TCP/UDP session: no request, and <c>server:</c> is the listen address
    /// (<c>server: 0.0.0.0:1935</c>). The HTTP modules only ever run for a parsed request, whose record has its request
    /// field, so such a record is a stream session's and no HTTP status follows. Records with a request pay one test.
    /// </summary>
    private static void MarkStreamRefusal(ReadOnlySpan<char> s, ref NginxLine line)
    {
        if (line.Request.IsPresent || line.IsStream || !line.Server.IsPresent || line.Upstream.IsPresent)
        {
            return;
        }

        var m = line.Message.Of(s);
        if (!m.StartsWith(RequestOnlyMessages.AccessForbidden, StringComparison.Ordinal)
            && !m.StartsWith("limiting connections by zone", StringComparison.Ordinal))
        {
            return;
        }

        var server = line.Server.Of(s);
        var colon = server.LastIndexOf(':');
        line.IsStream = colon > 0 && colon + 1 < server.Length && !server[(colon + 1)..].ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>The suffix's keys, as a record cut after one of them ends: ", upstream:".</summary>
    private static readonly string[] CutSuffixKeys = [", upstream:", ", client:", ", server:", ", request:", ", host:"];

    /// <summary>Where a suffix key cut before its value starts at the head's end (its comma kept), or the head's length.</summary>
    private static int CutSuffixKeyStart(ReadOnlySpan<char> head)
    {
        foreach (var key in CutSuffixKeys)
        {
            if (head.EndsWith(key, StringComparison.Ordinal))
            {
                return head.Length - key.Length + 1;
            }
        }

        return head.Length;
    }

    [ThreadStatic]
    private static BodyMemo? _bodyMemo;

    internal static int TrimEnd(ReadOnlySpan<char> s, int start, int end)
    {
        while (end > start && (s[end - 1] == '\r' || s[end - 1] == '\n'))
        {
            end--;
        }

        return end;
    }
}
