namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// An nginx record that a terminal, a mail client or a blog wrapped over several physical lines: the next line carries
/// the errno group, the action, a suffix field or the message after a split "PID#TID:". nginx itself never writes such
/// lines (only FastCGI stderr spans lines, handled elsewhere), so a line is joined only when it starts like the missing
/// part of a record that has not reached its suffix yet.
/// </summary>
public static class WrappedPaste
{
    /// <summary>Widest record a wrap is looked for in; nginx's own limit is 2048 bytes.</summary>
    private const int MaxRecord = 2048;

    /// <summary>A terminal wraps a word only at its width; shorter lines ended where the writer ended them.</summary>
    private const int MinWrapWidth = 72;

    /// <summary>A wrap between words leaves the line shorter than the width by the next word; blogs wrap at 60-80.</summary>
    private const int MinWordWrapWidth = 48;

    /// <summary>Widest prefix before a wrapped record that is still looked at.</summary>
    private const int MaxRecordPrefix = 64;

    private static readonly string[] SuffixKeys = ["client: ", "server: ", "request: ", "upstream: ", "host: ", "referrer: "];

    private const string AbortFirstHalf = "client prematurely closed connection,";

    /// <summary>nginx's FastCGI stderr message up to its colon; the quoted text follows.</summary>
    public const string FastcgiStderrColon = "FastCGI sent in stderr:";

    /// <summary>The same with the opening quote of its text, as nginx writes it on one line.</summary>
    public const string FastcgiStderrQuote = FastcgiStderrColon + " \"";

    /// <summary>
    /// The upstream module's client-abort message wrapped at its own comma: "... client prematurely closed connection," /
    /// "so upstream connection is closed too while ...". The second half says the client left during an upstream phase.
    /// </summary>
    private static bool AbortSecondHalf(ReadOnlySpan<char> pending, ReadOnlySpan<char> c) =>
        c.StartsWith("so upstream connection is closed too", StringComparison.Ordinal)
        && LastLine(pending).TrimEnd(' ').EndsWith(AbortFirstHalf, StringComparison.Ordinal);

    /// <summary>True when <paramref name="content"/> continues the wrapped nginx record <paramref name="pending"/>.</summary>
    public static bool Continues(ReadOnlySpan<char> pending, ReadOnlySpan<char> content) =>
        (ContinuesAsWrap(pending, content) && (EndsAtFastcgiColon(pending) || !IsOtherLogRecord(content.TrimStart(' '))))
        || UnitLineSplit(pending, content);

    /// <summary>The record's last line stops right after "FastCGI sent in stderr:", before the quoted text.</summary>
    private static bool EndsAtFastcgiColon(ReadOnlySpan<char> pending) =>
        LastLine(pending).TrimEnd(' ').EndsWith(FastcgiStderrColon, StringComparison.Ordinal);

    /// <summary>nginx's own start-up output on stderr ("nginx: [emerg] ..."), not an error-log record.</summary>
    internal static bool IsStartupOutput(ReadOnlySpan<char> c) => c.StartsWith("nginx: [", StringComparison.Ordinal);

    /// <summary>
    /// A whole record of another log (a backend's, the access log's) never is the rest of a wrapped nginx record, except
    /// PHP's own message as the FastCGI text right after nginx's colon. Asked only once a join was found, so a plain log
    /// pays nothing for it.
    /// </summary>
    internal static bool IsOtherLogRecord(ReadOnlySpan<char> c) =>
        CompanionLineParser.TryParse(c, out _) || AccessLineParser.TryParse(c, out _);

    private static bool ContinuesAsWrap(ReadOnlySpan<char> pending, ReadOnlySpan<char> content)
    {
        if (pending.Length > MaxRecord)
        {
            return false;
        }

        // The record may sit behind a prefix the unwrapper did not know ("textPayload": "2025/05/06 ...), or start at its
        // level with the time left out ("[error] 1103#1103: *1 ...").
        if (!NginxLineParser.LooksLikeRecordStart(pending) && !NginxLineParser.StartsWithLevel(pending))
        {

            if (IsLevelAlone(pending))
            {
                return StartsWithPidTid(content.TrimStart(' '));
            }

            var at = NginxLineParser.RecordStartWithin(pending, MaxRecordPrefix);
            if (at < 0)
            {
                at = PidHeadStart(pending);
            }

            if (at < 0)
            {
                at = CountedHeadStart(pending);
            }

            if (at < 0 && NginxLineParser.StartsWithKnownMessage(pending) && BareMessageGoesOn(pending, content.TrimStart(' ')))
            {
                return true;
            }

            if (at < 0 || pending[..at].Contains('\n'))
            {
                // A paragraph of prose that quotes a message, wrapped inside its action ("... SSL handshake while SSL" /
                // "handshaking to upstream`. What works: ...").
                return (ActionSplit(pending, content.TrimStart(' ')) && !pending.Contains('\n') && NginxLineParser.MentionsKnownMessage(pending))
                    || AbortSecondHalf(pending, content.TrimStart(' '));
            }

            pending = pending[at..];
        }

        var c = content.TrimStart(' ');
        if (c.Length < 2 || NginxLineParser.RecordStartWithin(c, MaxRecordPrefix) >= 0 || NginxLineParser.HoldsRecordHead(c))
        {
            // A line that holds a record's time and level, or its level and pid, is a record of its own, however the line
            // above ended.
            return false;
        }

        if (LuaTracebackGoesOn(pending, c))
        {
            return true;
        }

        // Wrapped between a suffix field's key and its value ("..., client:" / "192.168.10.1, server: ..."): the value follows,
        // quoted for the keys nginx quotes. A line that starts a record's head of its own is the next quote of a list
        // whose record above was cut right after a key.
        var awaited = KeyAwaitsValue(LastLine(pending).TrimEnd(' '));
        if (awaited is not null && !HoldsOwnHead(c) && (c[0] == '"' || awaited is "client: " or "server: "))
        {
            return true;
        }

        foreach (var key in SuffixKeys)
        {
            if (c.StartsWith(key, StringComparison.Ordinal))
            {
                return !pending.Contains(key, StringComparison.Ordinal);
            }
        }

        if (pending.Contains(", client: ", StringComparison.Ordinal))
        {
            return false;
        }

        return WrappedInsideMessage(pending, c) || WrappedAfterHeadPart(pending, c, awaited);
    }

    /// <summary>
    /// The record's message goes on: the next line carries its errno group, its action, the rest of a word, path or reason
    /// group the wrap cut, or the peer of a connect() split inside its address.
    /// </summary>
    private static bool WrappedInsideMessage(ReadOnlySpan<char> pending, ReadOnlySpan<char> c)
    {
        // "(111: Connection refused) while ...", "(SSL: error:...)", "while reading response header ...": only for a record
        // that has no action yet (and, for the group, no errno group yet); after them the line is a quote of its own.
        var hasAction = pending.Contains(" while ", StringComparison.Ordinal);
        if (!hasAction && ((c[0] == '(' && (char.IsAsciiDigit(c[1]) || c[1..].StartsWith("SSL:", StringComparison.Ordinal)) && TakesErrnoGroup(pending))
            || c.StartsWith("while ", StringComparison.Ordinal)))
        {
            return true;
        }

        // Wrapped inside its action ("... while proxying and reading" / "from upstream, udp client: ...").
        if (ActionSplit(pending, c))
        {
            return true;
        }

        // Wrapped before "failed" ('open() "/etc/nginx/html/app.css"' / 'failed (2: No such file or directory)'): the line
        // goes on with nginx's "failed (N: " or, for an SSL call ("*1 SSL_do_handshake()" / "failed (SSL: error:..."),
        // OpenSSL's reason group, and the record has no such group yet.
        // Also wrapped inside the quoted path, before its closing quote ('open() "/usr/share/nginx/html/favicon.ico' /
        // '" failed (2: ...'): the line above left the quote open.
        var failed = c[0] == '"' && LastLine(pending).Count('"') % 2 == 1 ? c[1..].TrimStart(' ') : c;
        if (failed.Length > 8 && failed.StartsWith("failed (", StringComparison.Ordinal)
            && (char.IsAsciiDigit(failed[8]) || failed[8..].StartsWith("SSL:", StringComparison.Ordinal))
            && !pending.Contains(" failed (", StringComparison.Ordinal))
        {
            return true;
        }

        // A wrap inside the errno or SSL reason group, which is still open: "(SSL: error:...:sslv3 alert handshake failure"
        // / ":s3_pkt.c:1493:SSL alert number 40)". The line must close the group and go on as a record does (end, action or
        // suffix), so a fence or a sentence after a record the reporter cut inside its errno text stays apart.
        if (OpenReasonGroup(pending) && (ClosesReasonGroup(c) || InsideReasonGroup(c)))
        {
            return true;
        }

        // Wrapped inside connect()'s peer, with no blank to break at ("... connect() to unix:/tmp/" /
        // "passenger.2291/master/helper_server.sock failed (2: ..."): the line ends in a peer already started, and this one
        // ends that peer and goes straight on with nginx's "failed (N: ".
        return PeerSplit(LastLine(pending), c) && !pending.Contains(" failed (", StringComparison.Ordinal);
    }

    /// <summary>
    /// The later wraps: a record of a family nginx always writes with an action that has not reached it, a split right
    /// after a part of the record's head (PID#TID, the level, the connection number, FastCGI's colon, "while"), or a
    /// terminal's wrap inside a word.
    /// </summary>
    private static bool WrappedAfterHeadPart(ReadOnlySpan<char> pending, ReadOnlySpan<char> c, string? awaited)
    {
        var last = LastLine(pending).TrimEnd(' ');

        // The two rules below join only a record of a family nginx always writes with an action, that has not reached it.
        var unfinished = last.Length >= MinWordWrapWidth && !pending.Contains(" while ", StringComparison.Ordinal)
            && NginxLineParser.MentionsKnownMessage(pending) && !HoldsOwnHead(c);

        // The writer's wrap kept the separating space at the end of the line
        // ("... connect() to " / "unix:/tmp/app.sock failed (11: Resource " / "temporarily unavailable) while ...").
        var whole = LastLine(pending);
        if (unfinished && whole.Length > 0 && whole[^1] == ' ' && (char.IsAsciiLetterLower(c[0]) || c[0] is '(' or '"'))
        {
            return true;
        }

        // A wrap at a word boundary inside the message ("upstream sent too big" / "header while reading response header
        // from upstream, ..."): the next line goes on in lowercase and carries an upstream action nginx wrote. Also a wrap
        // right after the colon before a number the message template ends with ("upstream sent too large http2 frame:" /
        // "4740180 while reading response header from upstream, ...").
        if (unfinished && (char.IsAsciiLetterLower(c[0]) || (char.IsAsciiDigit(c[0]) && last.EndsWith(':'))) && HasUpstreamAction(c))
        {
            return true;
        }

        // Split after "PID#TID:": the message with its *CID follows. Not after a suffix key cut from its value
        // ("..., client:"): a line opening at a connection number there is the next record quoted from its number.
        if (c[0] == '*' && char.IsAsciiDigit(c[1]) && last.EndsWith(':') && awaited is null)
        {
            return true;
        }

        // Split after the level ("... 13:33:12 [error]" / "200#200: *121 upstream sent too big header ..."): the line holds
        // nothing after the level yet, and the next one starts at nginx's PID#TID.
        if (EndsWithLevel(last) && StartsWithPidTid(c))
        {
            return true;
        }

        // Split after the connection number ("... [error] 24165#0: *54" / "FastCGI sent in stderr: ..."): the message follows.
        if (EndsWithConnectionNumber(last) && NginxLineParser.StartsWithKnownMessage(c))
        {
            return true;
        }

        // Split right after the FastCGI message's colon ("... *6 FastCGI sent in stderr:" / "\"Unable to open primary
        // script: ...\""): the quoted text nginx writes after it opens the next line.
        if (c[0] == '"' && EndsAtFastcgiColon(pending))
        {
            return true;
        }

        // Split right after "while" ("... (110: Connection timed out) while" / "SSL handshaking to upstream, client: ..."):
        // the action follows, whatever its first letter.
        if (last.EndsWith(" while", StringComparison.Ordinal) && StartsWithUpstreamAction(c))
        {
            return true;
        }

        // A terminal wrap inside a word or an errno text: the last line filled the width and this one goes on in lowercase.
        // Not once the action was read: a bare message on the next line ("upstream timed out ...") is a record of its own.
        return LastLine(pending).Length >= MinWrapWidth && char.IsAsciiLetter(last[^1]) && char.IsAsciiLetterLower(c[0]) && !HoldsOwnHead(c)
            && !pending.Contains(" while ", StringComparison.Ordinal) && !IsWrittenWholeRecord(pending);
    }

    /// <summary>
    /// The last line stops inside connect()'s peer (<c>connect() to unix:/tmp/</c>: a peer begun, no blank after it) and
    /// <paramref name="c"/> finishes the peer with no blank in it, then has nginx's <c> failed (N</c> right after.
    /// </summary>
    private static bool PeerSplit(ReadOnlySpan<char> last, ReadOnlySpan<char> c)
    {
        const string ConnectTo = "connect() to ";
        var at = last.LastIndexOf(ConnectTo, StringComparison.Ordinal);
        if (at < 0)
        {
            return false;
        }

        var begun = last[(at + ConnectTo.Length)..];
        var blank = c.IndexOf(' ');
        // The peer begins with an address or "unix:", not with the quote that closes a string literal ("connect() to '").
        return !begun.IsEmpty && (char.IsAsciiLetterOrDigit(begun[0]) || begun[0] == '[') && !begun.Contains(' ')
            && blank > 0 && c[0] is not ('"' or '\'')
            && c[blank..].StartsWith(" failed (", StringComparison.Ordinal) && c.Length > blank + 9 && char.IsAsciiDigit(c[blank + 9]);
    }

    /// <summary>
    /// A record at [notice]: the master's process lifecycle and start-up facts ("cache loader process 14654 exited"),
    /// written whole and short; or at [debug]: one ngx_log_debug call's trace, to which ngx_log_error_core never appends
    /// the request's context, so nothing of the record follows its message. Its last word is the message's own end, not a
    /// word a terminal cut, so a lowercase line after it (a list item, a sentence, a module's bare message) is not its rest.
    /// </summary>
    private static bool IsWrittenWholeRecord(ReadOnlySpan<char> pending)
    {
        var head = pending[..Math.Min(pending.Length, MaxRecordPrefix)];
        var level = head.IndexOf("[notice] ", StringComparison.Ordinal);
        level = level >= 0 ? level : head.IndexOf("[debug] ", StringComparison.Ordinal);
        return level >= 0 && !pending[..level].Contains('\n');
    }

    /// <summary>The suffix key (", client:", ", upstream:", ...) the line ends with, nothing after it; null when none.</summary>
    private static string? KeyAwaitsValue(ReadOnlySpan<char> last)
    {
        if (last.Length < 8 || last[^1] != ':')
        {
            return null;
        }

        foreach (var key in SuffixKeys)
        {
            var bare = key.AsSpan().TrimEnd(' ');
            if (last.EndsWith(bare, StringComparison.Ordinal) && last.Length > bare.Length + 1
                && last[^(bare.Length + 1)] == ' ' && last[^(bare.Length + 2)] == ',')
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>
    /// The line carries a record's head of its own: it starts with a message nginx writes or quotes one, starts with
    /// nginx's own start-up output, or holds a connection number (<c>*10746 </c>). The joins guessed from a line's width
    /// or case (the wrap between words, the terminal's wrap) leave such a line apart: in a list of quoted records, the
    /// next one often starts in lowercase after a long line.
    /// </summary>
    private static bool HoldsOwnHead(ReadOnlySpan<char> c)
    {
        if (NginxLineParser.StartsWithOwnMessage(c) || NginxLineParser.QuotesKnownMessage(c) || IsStartupOutput(c)
            || StartsWithToolErrorCode(c))
        {
            return true;
        }

        for (var star = c.IndexOf('*'); star >= 0 && star + 2 < c.Length; star = NextStar(c, star))
        {
            var digits = star + 1;
            while (digits < c.Length && char.IsAsciiDigit(c[digits]))
            {
                digits++;
            }

            if (digits > star + 1 && digits < c.Length && c[digits] == ' ' && (star == 0 || c[star - 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A command-line tool's error line: its lowercase name, a colon and its numbered code (<c>curl: (56) Recv failure:
    /// ...</c>). A terminal's wrap inside a word does not land right before such a head.
    /// </summary>
    private static bool StartsWithToolErrorCode(ReadOnlySpan<char> c)
    {
        var colon = c[..Math.Min(c.Length, 16)].IndexOf(": (", StringComparison.Ordinal);
        return colon > 1 && !c[..colon].ContainsAnyExceptInRange('a', 'z') && colon + 3 < c.Length && char.IsAsciiDigit(c[colon + 3]);
    }

    private static int NextStar(ReadOnlySpan<char> c, int star)
    {
        var next = c[(star + 1)..].IndexOf('*');
        return next < 0 ? -1 : star + 1 + next;
    }

    /// <summary>
    /// A record that code split over implicitly concatenated string literals (Python, C): the last line closes a literal
    /// (<c>"... while proxying "</c>, <c>"..., "</c>, <c>'... upstream: '</c>) and this one opens the next with the rest
    /// of the action, the <c>client:</c> key or a field's value. Returns where that rest starts in
    /// <paramref name="content"/> (after the opening quote), or -1. The caller drops the closing quote before joining.
    /// Looked at only for lines that start no record, after <see cref="Continues"/> declined.
    /// </summary>
    public static int LiteralContinuation(ReadOnlySpan<char> pending, ReadOnlySpan<char> content)
    {
        var last = pending.TrimEnd(' ');
        if (last.Length < 2 || last[^1] is not ('"' or '\'') || pending.Length > MaxRecord)
        {
            return -1;
        }

        var text = PasteNoise.LiteralTextStart(content);
        return text > 0 && LiteralGoesOn(last[..^1], content[text..]) ? text : -1;
    }

    /// <summary>The next literal's text goes on with what the record before the closing quote still lacks.</summary>
    private static bool LiteralGoesOn(ReadOnlySpan<char> body, ReadOnlySpan<char> rest)
    {
        // "... nginx: 2026/06/02 08:00:04 " / "[error] 11#0: *7 connect() failed ...": the time in one literal, the level in
        // the next (what came before the time is an envelope or the code's own text).
        if (EndsWithNginxTime(body.TrimEnd(' ')) && NginxLineParser.StartsWithLevel(rest))
        {
            return true;
        }

        if (!NginxLineParser.LooksLikeRecordStart(body) && !NginxLineParser.StartsWithLevel(body)
            && NginxLineParser.RecordStartWithin(body, MaxRecordPrefix) < 0 && !body.Contains(", client: ", StringComparison.Ordinal))
        {
            return false;
        }

        var head = body.TrimEnd(' ');

        // "... while reading upstream, " / "client: 1.1.1.1, server: ...": the suffix starts in the next literal.
        if (head.EndsWith(',') && rest.StartsWith("client: ", StringComparison.Ordinal) && !body.Contains(", client: ", StringComparison.Ordinal))
        {
            return true;
        }

        // "..., server: x, " / "request: \"GET / HTTP/1.1\", ...": a later field of a suffix already started.
        if (head.EndsWith(',') && body.Contains(", client: ", StringComparison.Ordinal) && SpanSearch.StartsWithAny(rest, SuffixKeys))
        {
            return true;
        }

        // "... connect() to " / "unix:/run/app.sock failed (111: ...) while ...": the literal broke before connect()'s peer,
        // an address or a socket path.
        if (head.EndsWith("connect() to", StringComparison.Ordinal) && !body.Contains(", client: ", StringComparison.Ordinal)
            && rest.Length > 0 && (char.IsAsciiDigit(rest[0]) || rest[0] == '[' || rest.StartsWith("unix:", StringComparison.Ordinal)))
        {
            return true;
        }

        // "..., upstream: " / "\"http://1.2.3.4/ws\", host: ...": a field's value.
        if (rest.Length > 0 && rest[0] == '"' && body.Contains(", client: ", StringComparison.Ordinal))
        {
            foreach (var key in SuffixKeys)
            {
                if (head.EndsWith(key.AsSpan().TrimEnd(' '), StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        // "... (110: Connection timed out) while proxying " / "upgraded connection, client: ...": the action's rest.
        if (body.Contains(", client: ", StringComparison.Ordinal))
        {
            return false;
        }

        var w = head.LastIndexOf(" while", StringComparison.Ordinal);
        if (w < 0)
        {
            // "... upstream timed out (110: Connection timed out) " / "while connecting to upstream, client: ...": the
            // literal broke before the action, which the next one opens whole.
            return rest.StartsWith("while ", StringComparison.Ordinal) && SpanSearch.StartsWithAny(rest["while ".Length..], LiteralActions);
        }

        var started = head[(w + " while".Length)..].TrimStart(' ');
        foreach (var action in LiteralActions)
        {
            if (action.Length > started.Length && action.AsSpan().StartsWith(started, StringComparison.Ordinal)
                && (started.IsEmpty || action[started.Length] == ' ')
                && rest.StartsWith(action.AsSpan(started.Length).TrimStart(' '), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The text is nginx's time stamp, <c>yyyy/MM/dd HH:mm:ss</c>, alone (blanks after it aside).</summary>
    public static bool IsTimeAlone(ReadOnlySpan<char> text)
    {
        var t = text.TrimEnd(' ');
        return t.Length == "0000/00/00 00:00:00".Length && EndsWithNginxTime(t);
    }

    /// <summary>The text ends with nginx's time stamp, <c>yyyy/MM/dd HH:mm:ss</c>, and nothing after it.</summary>
    private static bool EndsWithNginxTime(ReadOnlySpan<char> head)
    {
        const string Shape = "0000/00/00 00:00:00";
        if (head.Length < Shape.Length)
        {
            return false;
        }

        var t = head[^Shape.Length..];
        for (var i = 0; i < Shape.Length; i++)
        {
            if (Shape[i] == '0' ? !char.IsAsciiDigit(t[i]) : t[i] != Shape[i])
            {
                return false;
            }
        }

        return head.Length == Shape.Length || head[^(Shape.Length + 1)] is ' ' or '"' or '\'';
    }

    /// <summary>The actions a split literal is rejoined inside: the upstream phases and an upgraded connection's.</summary>
    private static readonly string[] LiteralActions =
    [
        NginxActions.ConnectingToUpstream, NginxActions.SslHandshakingToUpstream, NginxActions.SendingRequestToUpstream,
        NginxActions.ReadingResponseHeader, NginxActions.ReadingUpstream, NginxActions.SendingToClient, NginxActions.ProxyingUpgraded,
    ];

    private static readonly string[] UpstreamActions =
    [
        " while " + NginxActions.ConnectingToUpstream, " while " + NginxActions.SslHandshakingToUpstream,
        " while " + NginxActions.SendingRequestToUpstream, " while " + NginxActions.ReadingResponseHeader,
        " while " + NginxActions.ReadingUpstream,
    ];

    /// <summary>The upstream phases a wrap inside the action is looked for in: the http ones and the stream module's.</summary>
    private static readonly string[] SplitActions =
        [.. UpstreamActions, " while proxying and reading from upstream", " while proxying and sending to upstream"];

    /// <summary>
    /// The line ends inside an upstream action ("... while SSL", "... while reading response") and the next one starts
    /// with the rest of it.
    /// </summary>
    private static bool ActionSplit(ReadOnlySpan<char> pending, ReadOnlySpan<char> c)
    {
        var w = pending.LastIndexOf(" while ", StringComparison.Ordinal);
        if (w < 0 || c.IsEmpty)
        {
            return false;
        }

        var head = pending[(w + " while ".Length)..].TrimEnd(' ');
        foreach (var action in SplitActions)
        {
            var full = action.AsSpan(" while ".Length);
            if (full.Length > head.Length + 1 && full.StartsWith(head, StringComparison.Ordinal) && full[head.Length] == ' '
                && c.StartsWith(full[(head.Length + 1)..], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithUpstreamAction(ReadOnlySpan<char> c)
    {
        foreach (var action in UpstreamActions)
        {
            if (c.StartsWith(action.AsSpan(" while ".Length), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly string[] LevelMarks = [.. NginxLineParser.Levels.Select(level => level.TrimEnd(' '))];

    /// <summary>The line ends at a record's level (<c>... 13:33:12 [error]</c>), nothing after it.</summary>
    private static bool EndsWithLevel(ReadOnlySpan<char> last)
    {
        foreach (var level in LevelMarks)
        {
            if (last.EndsWith(level, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The record so far is its level tag alone (<c>[error]</c>): a writer who set the record out one field a line put the
    /// level on a line of its own, time left out. Only the split after the level (the next line at nginx's PID#TID) joins it.
    /// </summary>
    private static bool IsLevelAlone(ReadOnlySpan<char> pending)
    {
        var t = pending.Trim(' ');
        return t.Length is > 5 and < 10 && t[0] == '[' && EndsWithLevel(t);
    }

    /// <summary>
    /// Where a record quoted from its pid on starts (<c>"183#183: *127384 connect() failed ...</c>, time and level left
    /// out, behind at most an opening quote, backtick or blank): nginx's <c>PID#TID: *CID </c>. -1 when the line does not
    /// start so. Such a quote wraps like a whole record, so the same joins apply to it.
    /// </summary>
    private static int PidHeadStart(ReadOnlySpan<char> pending)
    {
        var at = 0;
        while (at < 2 && at < pending.Length && pending[at] is '"' or '`' or ' ')
        {
            at++;
        }

        var head = pending[at..];
        if (!StartsWithPidTid(head))
        {
            return -1;
        }

        var star = head.IndexOf(": *", StringComparison.Ordinal);
        return star > 0 && star + 3 < head.Length && char.IsAsciiDigit(head[star + 3]) && head[..star].IndexOf(' ') < 0 ? at : -1;
    }

    /// <summary>
    /// Where a record quoted from its connection number on starts (<c>*776 connect() to unix:... failed</c>, time, level and
    /// pid left out, behind an indent, an opening quote or backtick): -1 when the line does not start so. Such a quote
    /// wraps like a whole record, so the same joins apply to it.
    /// </summary>
    private static int CountedHeadStart(ReadOnlySpan<char> pending)
    {
        var at = 0;
        while (at < 8 && at < pending.Length && pending[at] is '"' or '`' or ' ' or '\t')
        {
            at++;
        }

        return NginxLineParser.StartsWithCountedMessage(pending[at..]) ? at : -1;
    }

    /// <summary>
    /// lua-nginx-module writes a Lua error with its traceback in one record, newlines and all: "lua entry thread aborted:
    /// runtime error: ..." (or "failed to run balancer_by_lua*: ...") / "stack traceback:" / "coroutine 0:" / "\t...: in
    /// function ...", and the action and suffix (", client: ...", or a timer's ", context: ngx.timer") after the last
    /// frame. The traceback's lines belong to the record until that suffix; a subrequest's field or a timer's context
    /// there decides the status.
    /// </summary>
    private static bool LuaTracebackGoesOn(ReadOnlySpan<char> pending, ReadOnlySpan<char> c)
    {
        // The line's own shape first: only a traceback's head or frame sends the search into the record above.
        var opens = c.StartsWith(LuaTraceback, StringComparison.Ordinal);
        var frame = c.TrimStart('\t');
        if (!opens && !frame.StartsWith("coroutine ", StringComparison.Ordinal) && !frame.StartsWith("[C]: ", StringComparison.Ordinal)
            && !frame.Contains(": in ", StringComparison.Ordinal))
        {
            return false;
        }

        if (pending.Contains(", client: ", StringComparison.Ordinal) || pending.Contains(", context: ", StringComparison.Ordinal))
        {
            return false;
        }

        var hasTraceback = pending.Contains(LuaTraceback, StringComparison.Ordinal);
        return opens ? !hasTraceback && pending.Contains("lua", StringComparison.Ordinal) : hasTraceback;
    }

    private const string LuaTraceback = "stack traceback:";

    /// <summary>
    /// systemd's line about a unit broken after the unit's name ("... systemd[1]: app.service:" / "  A process of this
    /// unit has been killed by the OOM killer."): the indented message on the next line is the rest of that one line.
    /// The syslog head is usually taken off already, leaving the unit's name alone on the line. The message may read as a
    /// service manager's line of its own ("Main process exited, ..."), which is why this is asked apart from the wraps.
    /// </summary>
    private static bool UnitLineSplit(ReadOnlySpan<char> pending, ReadOnlySpan<char> content)
    {
        var unit = pending.TrimEnd(' ');
        return unit.IndexOf('\n') < 0 && unit.EndsWith(".service:", StringComparison.Ordinal)
            && (unit.IndexOf(' ') < 0 || unit.Contains("systemd[", StringComparison.Ordinal))
            && content.Length > 2 && content[0] is ' ' or '\t' && char.IsAsciiLetterUpper(content.TrimStart(" \t")[0]);
    }

    /// <summary>The line starts at nginx's <c>PID#TID: </c>.</summary>
    internal static bool StartsWithPidTid(ReadOnlySpan<char> c)
    {
        var hash = c.IndexOf('#');
        if (hash < 1 || hash > 10 || c[..hash].ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        var colon = c[(hash + 1)..].IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && colon <= 20 && !c[(hash + 1)..(hash + 1 + colon)].ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>The line ends at nginx's <c>*CID</c>: a star, digits, nothing after.</summary>
    private static bool EndsWithConnectionNumber(ReadOnlySpan<char> last)
    {
        var i = last.Length;
        while (i > 0 && char.IsAsciiDigit(last[i - 1]))
        {
            i--;
        }

        return i < last.Length && i > 1 && last[i - 1] == '*' && last[i - 2] == ' ';
    }

    private static bool HasUpstreamAction(ReadOnlySpan<char> c)
    {
        foreach (var action in UpstreamActions)
        {
            if (c.Contains(action, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The record ends where nginx puts an errno or SSL reason group: after the failed call or the timeout ("... failed",
    /// "upstream timed out", "... in SSL handshake", "... could not be resolved", the index module's "... is not found"),
    /// with no such group yet.
    /// </summary>
    private static bool TakesErrnoGroup(ReadOnlySpan<char> pending)
    {
        // A closing quote or backtick after it: the writer's literal or code span ended there.
        var last = LastLine(pending).TrimEnd(" \"'`");
        return !HasErrnoGroup(pending) && (last.EndsWith("failed", StringComparison.Ordinal) || last.EndsWith("timed out", StringComparison.Ordinal)
            || last.EndsWith("handshake", StringComparison.Ordinal) || last.EndsWith("could not be resolved", StringComparison.Ordinal)
            || last.EndsWith("is not found", StringComparison.Ordinal));
    }

    /// <summary>The record already has nginx's errno group, <c> (N: </c>, or an SSL reason group.</summary>
    private static bool HasErrnoGroup(ReadOnlySpan<char> pending)
    {
        if (pending.Contains("(SSL: ", StringComparison.Ordinal))
        {
            return true;
        }

        for (var open = pending.IndexOf(" ("); open >= 0; open = Next(pending, open))
        {
            var p = open + 2;
            if (DecimalText.ReadNumber(pending, ref p) >= 0 && pending[p..].StartsWith(": ", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;

        static int Next(ReadOnlySpan<char> s, int at)
        {
            var next = s[(at + 2)..].IndexOf(" (");
            return next < 0 ? -1 : at + 2 + next;
        }
    }

    /// <summary>True when the record's last "(SSL: " or "(N: " group has no closing parenthesis yet.</summary>
    private static bool OpenReasonGroup(ReadOnlySpan<char> pending)
    {
        var ssl = pending.LastIndexOf("(SSL: ", StringComparison.Ordinal);
        var errno = pending.LastIndexOf(" (", StringComparison.Ordinal);
        var open = ssl;
        if (errno > ssl && errno + 2 < pending.Length && char.IsAsciiDigit(pending[errno + 2]))
        {
            var p = errno + 2;
            while (p < pending.Length && char.IsAsciiDigit(pending[p]))
            {
                p++;
            }

            open = p < pending.Length && pending[p] == ':' ? errno + 1 : ssl;
        }

        return open >= 0 && pending[open..].IndexOf(')') < 0;
    }

    /// <summary>
    /// A bare message (no time, no level) wrapped inside its errno text, which runs on over the next lines until the
    /// group closes, then the action: "upstream timed out (10060: A connection attempt failed because the connected" /
    /// "party did not properly respond after a period of time," / "or established connection failed ... to respond)" /
    /// "while connecting to upstream, client: ...". Only the errno group and the action are joined: a suffix field on the
    /// next line may be the writer's own cut (the message reads alone just as well).
    /// </summary>
    private static bool BareMessageGoesOn(ReadOnlySpan<char> pending, ReadOnlySpan<char> c)
    {
        if (c.Length < 2 || pending.Contains(" while ", StringComparison.Ordinal))
        {
            return false;
        }

        if (OpenReasonGroup(pending))
        {
            return ClosesReasonGroup(c) || InsideReasonGroup(c);
        }

        return (c.StartsWith("while ", StringComparison.Ordinal) && LastLine(pending).TrimEnd(' ').EndsWith(')'))
            || DuplicateSecondHalf(pending, c);
    }

    /// <summary>
    /// H3 wrapped at its own comma (<c>upstream sent duplicate header line: "Date: ...",</c> / <c>previous value: "Date:
    /// ...", ignored while ...</c>): the second half holds what tells the [warn] form (", ignored") from the [error] one.
    /// </summary>
    private static bool DuplicateSecondHalf(ReadOnlySpan<char> pending, ReadOnlySpan<char> c) =>
        c.StartsWith("previous value: \"", StringComparison.Ordinal) && LastLine(pending).TrimEnd(' ').EndsWith("\",", StringComparison.Ordinal)
        && pending.Contains("duplicate header line: \"", StringComparison.Ordinal);

    /// <summary>
    /// A middle piece of an errno text wrapped more than once (Windows' WSAETIMEDOUT text runs to 190 characters:
    /// "(10060: A connection attempt failed because the connected" / "party did not properly respond after a period of
    /// time," / "or established connection ... failed to respond) while ..."): lowercase, no parenthesis, and not the end
    /// of a sentence, which a writer's own words after a cut record would be.
    /// </summary>
    private static bool InsideReasonGroup(ReadOnlySpan<char> c)
    {
        var t = c.TrimEnd(' ');
        return char.IsAsciiLetterLower(t[0]) && t.IndexOfAny('(', ')') < 0 && t[^1] is not ('.' or '!' or '?' or ':');
    }

    private static bool ClosesReasonGroup(ReadOnlySpan<char> c)
    {
        var close = c.IndexOf(')');
        if (close < 0)
        {
            return false;
        }

        var rest = c[(close + 1)..].TrimEnd(' ');
        return rest.IsEmpty || rest[0] == ',' || rest.StartsWith(" while ", StringComparison.Ordinal);
    }

    private static ReadOnlySpan<char> LastLine(ReadOnlySpan<char> s)
    {
        var nl = s.LastIndexOf('\n');
        return nl < 0 ? s : s[(nl + 1)..];
    }
}
