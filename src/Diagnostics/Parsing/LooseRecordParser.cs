namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Records that do not start with nginx's time stamp: the level or the message first, behind a prefix nobody told us
/// about, quoted in a sentence, a heading or a table cell. Only lines that fail the common shape come here, so plain error
/// logs pay nothing for it.
/// </summary>
internal static class LooseRecordParser
{
    /// <summary>
    /// A record without the time prefix: <c>[error] 822#0: *1 ...</c>, or a bare message (<c>*1 connect() failed ...</c>),
    /// or a record behind a prefix nobody told us about (a log viewer's, a shipper's, a reporter's). Only lines that do not
    /// start with a record come here, so this path costs plain error logs nothing.
    /// </summary>
    internal static bool TryParseLoose(ReadOnlySpan<char> s, ref NginxLine line)
    {
        // Prose after the action of a quoted record ("... to upstream" error.) is not part of it.
        s = s[..QuotedRecordEnd.ActionEnd(s)];
        if (TryParseLooseMessage(s, ref line))
        {
            BareErrnoReader.BareErrnoAfterMessage(s, ref line);
            BareErrnoReader.ColonErrnoAfterFailure(s, ref line);
            ElidedSuffixFields(s, ref line);
            return true;
        }

        // Nothing else placed a message: an errno group retyped without its parentheses may still stand before an
        // upstream action ("Nginx error log: \"111: Connection refused while connecting to upstream\"").
        var bare = BareErrnoReader.BareErrnoGroupStart(s);
        if (bare < 0)
        {
            return BareErrnoReader.NumberlessErrnoBeforeAction(s, ref line);
        }

        line = NginxLineParser.Empty;
        NginxLineParser.ParseBody(s, bare, ref line);
        BareErrnoReader.BareErrnoAfterMessage(s, ref line);
        return true;
    }

    /// <summary>
    /// A quote whose writer elided everything between the message and a later field of nginx's suffix (<c>upstream sent
    /// too big header ... subrequest: "/oauth2/auth"</c>, <c>peer closed connection in SSL handshake ... upstream:
    /// "https://..."</c>): the subrequest and upstream fields still say whose record it is (an auth subrequest's, whose
    /// status its issuer decides; the upstream's handshake). The message ends before the ellipsis, which may run to more dots
    /// and keep the suffix's comma (<c>..., ...., subrequest: "/_validate_apikey_njs"</c>). Loose path only.
    /// </summary>
    private static void ElidedSuffixFields(ReadOnlySpan<char> s, ref NginxLine line)
    {
        if (line.Subrequest.IsPresent || line.Upstream.IsPresent || line.HasRequestContext)
        {
            return;
        }

        // The ellipsis as writers type it: " ... ", or more dots and the suffix's own comma (", ...., subrequest: ...").
        var at = s.IndexOf(" ...", StringComparison.Ordinal);
        if (at < 0)
        {
            return;
        }

        var pos = at + " ...".Length;
        while (pos < s.Length && s[pos] == '.')
        {
            pos++;
        }

        pos += pos < s.Length && s[pos] == ',' ? 1 : 0;
        if (pos >= s.Length || s[pos] != ' ')
        {
            return;
        }

        pos++;
        var found = false;
        while (pos < s.Length)
        {
            var key = s[pos..].StartsWith("subrequest: \"", StringComparison.Ordinal) ? "subrequest: \""
                : s[pos..].StartsWith("upstream: \"", StringComparison.Ordinal) ? "upstream: \"" : null;
            var close = key is null ? -1 : s[(pos + key.Length)..].IndexOf('"');
            if (close < 0)
            {
                break;
            }

            var value = new Segment(pos + key!.Length, close);
            if (key[0] == 's')
            {
                line.Subrequest = value;
            }
            else
            {
                line.Upstream = value;
            }

            found = true;
            pos = value.Start + close + 1;
            pos += s[pos..].StartsWith(", ", StringComparison.Ordinal) ? 2 : s.Length;
        }

        if (found && line.Message.IsPresent && line.Message.Start < at && line.Message.Start + line.Message.Length > at)
        {
            line.Message = Segment.Between(line.Message.Start, at);
        }
    }

    /// <summary>
    /// Apache's error-log head around a bracketed level, which nginx never writes: the process bracket after it (2.x
    /// without a module tag, <c>[error] [pid 14] mod_fcgid: ...</c>) or its C time before it (2.2, <c>[Tue Oct 01 17:36:19
    /// 2024] [error] ...</c>). Such a line is another web server's record, left to the companion parsers (mod_fcgid's
    /// process exits), not an nginx record without its pid. Loose path only.
    /// </summary>
    private static bool IsApacheHead(ReadOnlySpan<char> s, int start, int at, int levelLength)
    {
        var after = start + at + levelLength;
        if (after < s.Length && s[after..].StartsWith("[pid ", StringComparison.Ordinal))
        {
            return true;
        }

        var before = s[start..(start + at)].TrimEnd(' ');
        return before.Length > 2 && before[0] == '[' && before[^1] == ']' && TimeParsing.CTime(before[1..^1]) is not null;
    }

    /// <summary>The loose parse proper: where the message starts in a line that does not start like a record.</summary>
    private static bool TryParseLooseMessage(ReadOnlySpan<char> s, ref NginxLine line)
    {
        // Prose after a message quoted in backticks ("`connect() failed (111: ...)` (on `GET /x`)") is not part of it.
        s = s[..QuotedRecordEnd.BacktickQuoteEnd(s)];
        s = s[..QuotedRecordEnd.CornerBracketQuoteEnd(s)];

        // A markdown table row ("| 4 | upstream prematurely closed connection | prose |"): the cell that holds the message.
        var start = 0;
        if (s.Length > 2 && s[0] == '|')
        {
            var cellEnd = MessageCell(s, out start);
            s = s[..cellEnd];
        }

        // A paste's indentation, then list bullets and comment marks put in front of a quoted line ("  - ", "• ", "# ").
        while (start < s.Length && s[start] is ' ' or '\t')
        {
            start++;
        }

        start = SkipMarkers(s, start);

        var embedded = EmbeddedRecordStart(s, start);
        if (embedded >= 0 && RecordPrefixParser.TryParseTime(s[embedded..], out line.Time))
        {
            var levelEnd = s[(embedded + 21)..].IndexOf(']');
            if (levelEnd > 0)
            {
                line.Level = new Segment(embedded + 21, levelEnd);
                NginxLineParser.ParseAfterLevel(s, embedded + 21 + levelEnd + 1, ref line);
                return true;
            }

            line.Time = default;
        }

        var head = s[start..Math.Min(s.Length, start + 64)];
        foreach (var level in NginxLineParser.Levels)
        {
            // CJK prose puts the quoted record right after its full-width colon or comma, with no space
            // ("在nginx中报错：[error] 6#6: *5 ...").
            var at = head.IndexOf(level, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || head[at - 1] is ' ' or '\uFF1A' or '\uFF0C') && !IsApacheHead(s, start, at, level.Length))
            {
                line.Level = new Segment(start + at + 1, level.Length - 3);
                NginxLineParser.ParseAfterLevel(s, start + at + level.Length - 1, ref line);
                return true;
            }

            // A paste that starts inside the bracket: "error] 12483#0: *253 ...".
            if (head.StartsWith(level.AsSpan(1), StringComparison.Ordinal))
            {
                line.Level = new Segment(start, level.Length - 3);
                NginxLineParser.ParseAfterLevel(s, start + level.Length - 2, ref line);
                return true;
            }
        }

        var p = RecordPrefixParser.ParsePidTid(s, AfterCutLevel(s, start), ref line);
        p = RecordPrefixParser.ParseConnectionId(s, p, ref line);
        var body = s[p..];

        // "*145 message": nginx's connection number is mark enough; a bare message needs a known start.
        var known = line.ConnectionId >= 0 || NginxLineParser.StartsWithKnownMessage(body);
        if (known || ProseQuotes.CapitalisedTitleWithErrno(body) || ProseQuotes.CapitalisedRequestOnly(body) || ProseQuotes.BasicAuthRefusal(body))
        {
            NginxLineParser.ParseBody(s, p, ref line);
            return true;
        }

        var resolved = ResolvedMessageStart(body, out var resolvedEnd);
        if (resolved >= 0)
        {
            NginxLineParser.ParseBody(s[..(p + resolvedEnd)], p + resolved, ref line);
            return true;
        }

        // A message quoted in prose: "error.log : upstream prematurely ...", ("connect() to unix:... failed ...").
        // Not behind Go's standard logger's time (nginx's shape without a level): what follows is that program's own
        // words, such as a transcoder's "2022/12/18 16:10:30 q8c6ez8y9xc0-max: client closed connection" (round 103).
        var lead = NginxLineParser.StartsWithTimeWithoutLevel(s[start..]) ? -1 : ProseQuotes.ProseLead(body);
        if (lead >= 0)
        {
            NginxLineParser.ParseBody(s, p + lead, ref line);
            return true;
        }

        // A message that lost its first words ("connect() to "), kept from the errno group on: "/run/app.sock failed
        // (2: No such file or directory) while connecting to upstream". nginx's errno group and upstream action mark it.
        if (BareErrnoReader.CutBeforeErrno(body))
        {
            NginxLineParser.ParseBody(s, p, ref line);
            return true;
        }

        var socket = BareErrnoReader.SocketBeforeErrno(body);
        if (socket >= 0)
        {
            NginxLineParser.ParseBody(s, p + socket, ref line);
            return true;
        }

        var reason = BareErrnoReader.SslReasonStart(body);
        if (reason >= 0)
        {
            NginxLineParser.ParseBody(s, p + reason, ref line);
            return true;
        }

        var title = BareErrnoReader.TitleBeforeErrno(body);
        if (title >= 0)
        {
            NginxLineParser.ParseBody(s, p + title, ref line);
            return true;
        }

        var counted = CountedMessageStart(body);
        if (counted >= 0)
        {
            NginxLineParser.ParseBody(s[..(p + CountedMessageEnd(body, counted))], p + counted, ref line);
            return true;
        }

        if (QuotedFileCallWithSuffix(body))
        {
            NginxLineParser.ParseBody(s, p, ref line);
            return true;
        }

        line.ConnectionId = -1;
        line.Pid = line.Tid = 0;
        var quoted = LevelQuotedLateInProse(s, start, out var levelLength);
        if (quoted >= 0)
        {
            line.Level = new Segment(quoted + 1, levelLength - 3);
            NginxLineParser.ParseAfterLevel(s, quoted + levelLength - 1, ref line);
            return true;
        }

        return false;
    }

    /// <summary>How far into a line the level search of <see cref="TryParseLooseMessage"/> looks first.</summary>
    private const int LevelHead = 64;

    /// <summary>
    /// A record quoted from its level on at the end of a long sentence, past the first <see cref="LevelHead"/> characters
    /// the level is looked for in (round 98: "... and the Nginx logs indicate: `"[error] 31#31: *2 connect() failed ..."`"
    /// at character 383): a level behind an opening quote, backtick, parenthesis or blank, followed by nginx's
    /// <c>pid#tid: </c> head, which prose does not write. Where the level's bracket is, or -1; looked for only once every
    /// other reading of the line failed, within <see cref="ProseQuotes.MaxProseLead"/> characters.
    /// </summary>
    private static int LevelQuotedLateInProse(ReadOnlySpan<char> s, int start, out int levelLength)
    {
        levelLength = 0;
        if (s.Length - start <= LevelHead)
        {
            return -1;
        }

        var window = s[..Math.Min(s.Length, start + ProseQuotes.MaxProseLead)];
        var from = start + LevelHead;
        while (from < window.Length)
        {
            var open = window[from..].IndexOf('[');
            if (open < 0)
            {
                return -1;
            }

            var at = from + open;
            from = at + 1;
            if (window[at - 1] is not ('`' or '"' or '\'' or '(' or ' '))
            {
                continue;
            }

            foreach (var level in NginxLineParser.Levels)
            {
                if (s[at..].StartsWith(level, StringComparison.Ordinal) && WrappedPaste.StartsWithPidTid(s[(at + level.Length)..]))
                {
                    levelLength = level.Length;
                    return at;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// A paste that starts further inside the level than its bracket ("rror] 16083#0: *1954 ...", "it] 39#0: ..."): where
    /// the pid starts, so the record is read from there as one quoted from its pid on; otherwise <paramref name="start"/>.
    /// The cut name must be the end of one of nginx's level names and a digit must follow; the level itself stays unknown.
    /// </summary>
    private static int AfterCutLevel(ReadOnlySpan<char> s, int start)
    {
        var head = s[start..Math.Min(s.Length, start + 10)];
        var close = head.IndexOf("] ", StringComparison.Ordinal);
        if (close <= 0 || close + 2 >= head.Length || !char.IsAsciiDigit(head[close + 2]))
        {
            return start;
        }

        var cut = head[..close];
        foreach (var level in NginxLineParser.Levels)
        {
            // "[error] " without its bracket, its closing bracket and space: the name, whose end the cut must be.
            if (level.AsSpan(1, level.Length - 3).EndsWith(cut, StringComparison.Ordinal))
            {
                return start + close + 2;
            }
        }

        return start;
    }

    /// <summary>
    /// A static file's failure quoted without the record's head, also with the call dropped by the writer:
    /// <c>open() "/srv/a.png" failed (2: ...), client: ...</c> or <c>"/srv/a.png" failed (2: ...), client: ...</c> (the path
    /// also elided: <c>"xxxx.js" failed (11: ...), client: ...</c>). No list
    /// of message starts holds a path; the errno group right before nginx's ", client: " suffix marks it as a record.
    /// </summary>
    private static bool QuotedFileCallWithSuffix(ReadOnlySpan<char> body)
    {
        var path = body.StartsWith("open() \"", StringComparison.Ordinal) || body.StartsWith("stat() \"", StringComparison.Ordinal) ? 7
            : body.StartsWith('"') ? 1 : -1;
        if (path < 0)
        {
            return false;
        }

        var failed = body[path..].IndexOf("\" failed (", StringComparison.Ordinal);
        if (failed < 0)
        {
            return path == 1 && IndexModuleNotFound(body);
        }

        var group = body[(path + failed + 10)..];
        var close = group.IndexOf(')');
        return close > 0 && group[..close].Contains(": ", StringComparison.Ordinal) && char.IsAsciiDigit(group[0])
            && group[(close + 1)..].StartsWith(", client: ", StringComparison.Ordinal);
    }

    /// <summary>
    /// The index module's own words after a quoted absolute path with its errno group, <c>"/srv/www/index.html" is not
    /// found (2: ...</c> (ngx_http_index_error): no writer's prose puts an errno group there, so the record is read even
    /// when the paste cut it before nginx's suffix or inside the errno text.
    /// </summary>
    private static bool IndexModuleNotFound(ReadOnlySpan<char> body)
    {
        const string NotFound = "\" is not found (";
        if (body.Length < 2 || body[1] != '/')
        {
            return false;
        }

        var at = body.IndexOf(NotFound, StringComparison.Ordinal);
        if (at < 2)
        {
            return false;
        }

        var digits = at + NotFound.Length;
        return DecimalText.ReadNumber(body, ref digits) >= 0 && body[digits..].StartsWith(": ", StringComparison.Ordinal);
    }

    private const string CouldNotBeResolved = "could not be resolved (";

    /// <summary>
    /// A2, <c>NAME could not be resolved (N: text)</c>, starts with the name, which no list of message starts can hold:
    /// found by its errno-shaped group instead, also quoted in prose ("Nginx logs reported `api could not be resolved
    /// (3: Host not found)`. ...") or with the name dropped by the writer. Where the message starts (the name, or "could"),
    /// and in <paramref name="end"/> where it ends: after the group, unless nginx's suffix follows. -1 when there is none,
    /// or when the text is a Lua cosocket's error string ("failed to connect: NAME could not be resolved ..."), which is
    /// the script's, not the upstream module's.
    /// </summary>
    private static int ResolvedMessageStart(ReadOnlySpan<char> body, out int end)
    {
        end = body.Length;
        var at = body[..Math.Min(body.Length, ProseQuotes.MaxProseLead)].IndexOf(CouldNotBeResolved, StringComparison.Ordinal);
        if (at < 0)
        {
            return -1;
        }

        var group = at + CouldNotBeResolved.Length;
        var digits = group;
        while (digits < body.Length && char.IsAsciiDigit(body[digits]))
        {
            digits++;
        }

        if (digits == group || digits >= body.Length || body[digits] != ':')
        {
            return -1;
        }

        var close = body[digits..].IndexOf(')');
        if (close > 0 && digits + close + 1 < body.Length && body[digits + close + 1] != ',')
        {
            end = digits + close + 1;
        }

        var start = at;
        var name = at - 1;
        while (name > 0 && body[name - 1] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-' or '_' or '$')
        {
            name--;
        }

        if (at > 0 && body[at - 1] == ' ' && name < at - 1)
        {
            start = name;
        }

        return body[..start].Contains("failed to ", StringComparison.Ordinal) ? -1 : start;
    }

    /// <summary>
    /// In a markdown table row, the first cell that starts with a record or a known message: its start (in
    /// <paramref name="start"/>) and end. The whole row (0, length) when no cell does.
    /// </summary>
    private static int MessageCell(ReadOnlySpan<char> s, out int start)
    {
        start = 0;
        for (var open = 0; open < s.Length - 1;)
        {
            var close = s[(open + 1)..].IndexOf('|');
            var end = close < 0 ? s.Length : open + 1 + close;
            var cell = s[(open + 1)..end];
            var lead = cell.IndexOfAnyExcept(' ');
            if (lead >= 0 && (NginxLineParser.StartsWithKnownMessage(cell[lead..]) || NginxLineParser.LooksLikeRecordStart(cell[lead..]) || NginxLineParser.StartsWithLevel(cell[lead..])))
            {
                start = open + 1 + lead;
                return end;
            }

            if (close < 0)
            {
                break;
            }

            open = end;
        }

        return s.Length;
    }

    /// <summary>
    /// Skips markdown bullets and quote marks and shell comment marks ("- ", "+ ", "# ", "> ", "* ") before a line.
    /// "*" before a digit is nginx's own connection number, never a bullet.
    /// </summary>
    private static int SkipMarkers(ReadOnlySpan<char> s, int start)
    {
        for (var round = 0; round < 3 && start + 1 < s.Length; round++)
        {
            // A C-style comment mark is two characters, the space after it optional: "//   sendfile() failed ...",
            // "//FastCGI sent in stderr: ...".
            var mark = s[start] is '-' or '+' or '#' or '>' or '*' or '\u2022' && s[start + 1] == ' ' ? 2
                : s[start] == '/' && s[start + 1] == '/' && start + 2 < s.Length ? (s[start + 2] == ' ' ? 3 : 2)
                : s[start] == '#' ? HeadingMark(s[start..])
                : ElidedHead(s[start..]);
            if (mark == 0)
            {
                break;
            }

            start += mark;
            while (start < s.Length && s[start] == ' ')
            {
                start++;
            }
        }

        return start;
    }

    /// <summary>
    /// A markdown heading's marks before a quoted message ("## epoll_wait() reported ..."): two to six '#' and a space,
    /// their length with the space, or 0 (one '#' and a space is a comment mark, taken above).
    /// </summary>
    private static int HeadingMark(ReadOnlySpan<char> s)
    {
        var hashes = 0;
        while (hashes < s.Length && hashes < 7 && s[hashes] == '#')
        {
            hashes++;
        }

        return hashes is >= 2 and <= 6 && hashes < s.Length && s[hashes] == ' ' ? hashes + 1 : 0;
    }

    /// <summary>
    /// A writer's elision of the record's head in brackets, "[..] " or "[...] " (a level never reads so): its length, or 0.
    /// </summary>
    private static int ElidedHead(ReadOnlySpan<char> s) =>
        s.StartsWith("[..] ", StringComparison.Ordinal) ? 5 : s.StartsWith("[...] ", StringComparison.Ordinal) ? 6 : 0;

    /// <summary>
    /// C5, <c>N worker_connections are not enough</c>, starts with nginx's count, which prose glues onto ("日志报512
    /// worker_connections ...") or a writer drops ("Nginx: `worker_connections` are not enough ..."): where the message
    /// starts (the count, or the directive name or its backtick), or -1.
    /// </summary>
    internal static int CountedMessageStart(ReadOnlySpan<char> body)
    {
        var at = AlertNameAt(body);
        if (at < 0)
        {
            return -1;
        }

        if (at > 0 && body[at - 1] == '`')
        {
            return at - 1;
        }

        var digits = at - 1;
        while (digits > 0 && char.IsAsciiDigit(body[digits - 1]))
        {
            digits--;
        }

        return at > 1 && body[at - 1] == ' ' && digits < at - 1 ? digits : at;
    }

    /// <summary>
    /// Where the directive's name starts the alert's text ("worker_connections are not enough", a backtick allowed after
    /// the name), or -1. Prose names the directive itself first ("`worker_connections 768 -> 4096` ... recorded `768
    /// worker_connections are not enough ...`"), so every mention is looked at, not only the first.
    /// </summary>
    private static int AlertNameAt(ReadOnlySpan<char> body)
    {
        var from = 0;
        while (from < body.Length)
        {
            var at = body[from..].IndexOf(WorkerConnectionsAlert.Directive, StringComparison.Ordinal);
            if (at < 0)
            {
                return -1;
            }

            at += from;
            if (body[(at + WorkerConnectionsAlert.Directive.Length)..].TrimStart('`').StartsWith(WorkerConnectionsAlert.NotEnough, StringComparison.Ordinal))
            {
                return at;
            }

            from = at + WorkerConnectionsAlert.Directive.Length;
        }

        return -1;
    }

    /// <summary>
    /// Where C5 found by <see cref="CountedMessageStart"/> ends: at its closing quote when a writer's prose follows the
    /// quote (<c>Getting "512 worker_connections are not enough" on High Load</c>) or at the words when unquoted prose
    /// follows them, else at the end of the text. nginx writes nothing after "are not enough" but its action, so a quote
    /// or another word there is the writer's.
    /// </summary>
    private static int CountedMessageEnd(ReadOnlySpan<char> body, int start)
    {
        var at = body[start..].IndexOf(WorkerConnectionsAlert.NotEnough, StringComparison.Ordinal);
        var after = at < 0 ? body.Length : start + at + WorkerConnectionsAlert.NotEnough.Length;

        // ngx_drain_connections' warning goes on with ", reusing connections" (or the singular): nothing of nginx's follows
        // it, so a quote or code span closing there ends the writer's quotation, whatever comes after.
        var reusing = WorkerConnectionsAlert.ReusingTailAtStart(body[after..]);
        if (reusing > 0)
        {
            after += reusing;
            return after < body.Length && body[after] is '"' or '\'' or '`' or '\u201D' ? after : body.Length;
        }

        if (after + 2 < body.Length && body[after] is '"' or '\'' or '\u201D' && body[after + 1] == ' ')
        {
            return after;
        }

        // Unquoted, a blank and a word other than the action's "while" is the writer's prose going on ("im getting 512
        // worker_connections are not enough in the error log ..."): the message ends with the words.
        return after < body.Length && body[after] == ' ' && !body[after..].StartsWith(" while", StringComparison.Ordinal)
            ? after
            : body.Length;
    }

    /// <summary>
    /// Position of <c>YYYY/MM/DD HH:MM:SS [</c> within the first 256 characters, after a space or at
    /// <paramref name="start"/>: the nginx record behind an unknown prefix (stern, a log viewer, "err log: ").
    /// </summary>
    private static int EmbeddedRecordStart(ReadOnlySpan<char> s, int start)
    {
        var limit = Math.Min(s.Length, start + 256);
        for (var slash = s[start..limit].IndexOf('/'); slash >= 0;)
        {
            var at = start + slash - 4;
            // Behind a space, or a string's opening quote in code ("try_to_parse( \"2020/10/26 ...").
            if (at >= start && (at == start || s[at - 1] is ' ' or '"' or '\'' or '`') && NginxLineParser.LooksLikeRecordStart(s[at..]))
            {
                return at;
            }

            var next = s[(start + slash + 1)..limit].IndexOf('/');
            slash = next < 0 ? -1 : slash + 1 + next;
        }

        return -1;
    }
}
