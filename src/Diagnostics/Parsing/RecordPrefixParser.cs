namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// The head of a record after its level: the time stamp (with a one-entry cache, since consecutive records mostly
/// share their second), <c>pid#tid: </c> and <c>*cid </c>, including the forms writers mangle (placeholders, masks,
/// escaped or spaced hashes).
/// </summary>
internal static class RecordPrefixParser
{
    [ThreadStatic]
    private static char[]? _lastStamp;

    [ThreadStatic]
    private static DateTime _lastTime;

    /// <summary>Consecutive records mostly share their second: reuse the last parse when the 19 characters match.</summary>
    internal static bool TryParseTimeCached(ReadOnlySpan<char> s, out DateTime time)
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

    internal static bool TryParseTime(ReadOnlySpan<char> s, out DateTime time)
    {
        time = default;
        if (!DecimalText.Digits(s, 0, 4, out var y) || !DecimalText.Digits(s, 5, 2, out var mo) || !DecimalText.Digits(s, 8, 2, out var d)
            || !DecimalText.Digits(s, 11, 2, out var h) || !DecimalText.Digits(s, 14, 2, out var mi) || !DecimalText.Digits(s, 17, 2, out var sec))
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

    internal static int ParsePidTid(ReadOnlySpan<char> s, int pos, ref NginxLine line)
    {
        var p = pos;
        var pid = DecimalText.ReadNumber(s, ref p);
        if (pid < 0 && p < s.Length && s[p] is '{' or '$' or '%' or '*' or '<')
        {
            return PlaceholderPidTid(s, pos);
        }

        if (pid < 0 || p >= s.Length || s[p] != '#')
        {
            if (!EscapedHash(s, p, pid) && !SpacedHash(s, p, pid))
            {
                return pid > 0 && PidBeforeConnection(s, p) ? PidOnly(pid, p + 1, ref line) : pos;
            }

            p++;

            // "24030 # 24030: * 17 ...": a machine translation put a blank after the "#" too (SpacedHash let it in).
            if (p + 1 < s.Length && s[p + 1] == ' ')
            {
                p++;
            }
        }

        p++;
        var tid = DecimalText.ReadNumber(s, ref p);
        if (tid < 0)
        {
            var head = p < s.Length && s[p] == '*' ? MaskedTidEnd(s, p) : GarbledTidEnd(s, p);
            return head > 0 ? PidOnly(pid, head, ref line) : pos;
        }

        if (p + 1 < s.Length && s[p] != ':' && PidBeforeConnection(s, p))
        {
            // "[crit] 39#0 *11 open() ...": a writer dropped the colon after the tid; the connection number after it still
            // marks the record's head. Well-formed records never get here (they have the colon).
            line.Pid = (int)Math.Min(pid, int.MaxValue);
            line.Tid = (int)Math.Min(tid, int.MaxValue);
            return p + 1;
        }

        if (p + 1 >= s.Length || s[p] != ':' || (s[p + 1] != ' ' && s[p + 1] != '*'))
        {
            return pos;
        }

        line.Pid = (int)Math.Min(pid, int.MaxValue);
        line.Tid = (int)Math.Min(tid, int.MaxValue);

        // "1776#1776:*71220252 ...": a copy lost the space before the connection number.
        return s[p + 1] == ' ' ? p + 2 : p + 1;
    }

    /// <summary>
    /// A code template's placeholders for the pid and tid (<c>{xyz}#{xyz}: *{zyx} ...</c>, <c>%d#%d: ...</c>): where the
    /// connection number starts, as after real numbers, or <paramref name="pos"/>. The pid stays unknown. Only looked at
    /// when no digit starts the pid.
    /// </summary>
    private static int PlaceholderPidTid(ReadOnlySpan<char> s, int pos)
    {
        var p = PlaceholderTokenEnd(s, pos);
        if (p > 0 && s[pos] == '<' && PlaceholderBeforeConnection(s, p))
        {
            // "<PID>: *<CONN> ...": a normalizer's one placeholder for pid#tid; the connection number (or its
            // placeholder) after it marks the record's head.
            return p + 2;
        }

        if (p < 0 || p >= s.Length || s[p] != '#')
        {
            return pos;
        }

        p++;
        var tidEnd = PlaceholderTokenEnd(s, p);
        if (tidEnd < 0 && DecimalText.ReadNumber(s, ref p) >= 0)
        {
            tidEnd = p;
        }

        return tidEnd > 0 && tidEnd + 1 < s.Length && s[tidEnd] == ':' && s[tidEnd + 1] == ' ' ? tidEnd + 2 : pos;
    }

    /// <summary>
    /// "3389#e: *1092213 ...": a writer's copy garbled the tid (a letter for the "0"), but ": *N" after it still marks the
    /// record's head. Where the connection number starts, or 0. Only a tid that is not a number gets here.
    /// </summary>
    private static int GarbledTidEnd(ReadOnlySpan<char> s, int p)
    {
        var end = p;
        while (end < s.Length && end - p < 4 && char.IsAsciiLetterOrDigit(s[end]))
        {
            end++;
        }

        return end > p && end < s.Length && s[end] == ':' && PidBeforeConnection(s, end + 1) ? end + 2 : 0;
    }

    /// <summary>
    /// "2470#****: *_____ connect() ...": a reporter masked the tid (and often the connection number) but kept the pid.
    /// Asterisks up to the colon, then ": ", still mark the record's head whatever the connection's place holds. Where the
    /// connection number starts, or 0. Only a tid that is not a number gets here.
    /// </summary>
    private static int MaskedTidEnd(ReadOnlySpan<char> s, int p)
    {
        var end = MaskEnd(s, p);
        return end > p && end + 1 < s.Length && s[end] == ':' && s[end + 1] == ' ' ? end + 2 : 0;
    }

    /// <summary>
    /// "1788\#0: *1 ...": TAP output (Test::More, so Test::Nginx's failure messages) and Markdown writers escape the "#"
    /// between pid and tid. Only a record that already failed the plain "pid#" test gets here.
    /// </summary>
    private static bool EscapedHash(ReadOnlySpan<char> s, int p, long pid) =>
        pid >= 0 && p + 1 < s.Length && s[p] == '\\' && s[p + 1] == '#';

    /// <summary>
    /// "4073 #4073: *15 ...": a writer's copy put a space between the pid and the "#" (a Chinese note quoting a stream
    /// record); a machine translation puts one on both sides ("24030 # 24030: * 17 ..."). The tid's digits must follow
    /// the "#" or its blank; the ": " test after the tid still applies. Only a record that already failed the plain
    /// "pid#" test gets here.
    /// </summary>
    private static bool SpacedHash(ReadOnlySpan<char> s, int p, long pid) =>
        pid >= 0 && p + 2 < s.Length && s[p] == ' ' && s[p + 1] == '#'
        && (char.IsAsciiDigit(s[p + 2]) || (p + 3 < s.Length && s[p + 2] == ' ' && char.IsAsciiDigit(s[p + 3])));

    /// <summary>
    /// A writer's sample that kept the pid but not nginx's "#tid:" (<c>[error] 12487 *8921 upstream ...</c>): the
    /// connection number right after it still marks the record's head.
    /// </summary>
    private static bool PidBeforeConnection(ReadOnlySpan<char> s, int p) =>
        p + 2 < s.Length && s[p] == ' ' && s[p + 1] == '*' && char.IsAsciiDigit(s[p + 2]);

    private static int PidOnly(long pid, int next, ref NginxLine line)
    {
        line.Pid = (int)Math.Min(pid, int.MaxValue);
        return next;
    }

    internal static int ParseConnectionId(ReadOnlySpan<char> s, int pos, ref NginxLine line)
    {
        if (pos >= s.Length || s[pos] != '*')
        {
            if (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                return StarlessConnectionId(s, pos, ref line);
            }

            var afterTag = EmphasisTagEnd(s, pos);
            if (afterTag > pos)
            {
                var start = StarlessConnectionId(s, afterTag, ref line);
                return start == afterTag ? pos : start;
            }

            // Markdown's escape kept in a paste: "\\*9408 open() ...".
            if (pos + 1 >= s.Length || s[pos] != '\\' || s[pos + 1] != '*')
            {
                return pos;
            }

            pos++;
        }

        var p = pos + 1;
        var cid = DecimalText.ReadNumber(s, ref p);
        if (cid < 0)
        {
            // A template's placeholder for the number ("*{connection} ", "*${cid} ", "*%d "): the message follows it.
            var after = PlaceholderEnd(s, p);
            if (after < 0)
            {
                after = LetterMaskEnd(s, p);
            }

            return after > 0 ? after : SpacedConnectionId(s, pos, ref line);
        }

        if (p >= s.Length || s[p] != ' ')
        {
            // A retyped record that lost the space before a message opening on a quoted path ("*422\"/etc/nginx/html/
            // index.html\" is not found ..."): nginx always writes "*N ", so only a failed record gets here.
            if (p + 1 < s.Length && s[p] == '"' && s[p + 1] == '/')
            {
                line.ConnectionId = cid;
                return p;
            }

            // A code template that appends an expression to the number ("*4821${s % 10} connect() ..."): the message
            // follows the placeholder, as after "*{connection} ".
            var afterExpression = p < s.Length && s[p] == '$' ? PlaceholderEnd(s, p) : -1;
            if (afterExpression > 0)
            {
                line.ConnectionId = cid;
                return afterExpression;
            }

            return pos;
        }

        line.ConnectionId = cid;
        return p + 1;
    }

    /// <summary>
    /// A paste that lost the "*" of the connection number (<c>[error] 1240#1240: 778896 upstream sent too big header ...</c>):
    /// the number counts as the connection only when a message nginx writes for a connection follows it, so nginx's own
    /// count-first messages (<c>1024 worker_connections are not enough</c>) keep their number. Well-formed records never
    /// get here past the first digit test (their number follows a "*", or their message starts with a letter).
    /// </summary>
    private static int StarlessConnectionId(ReadOnlySpan<char> s, int pos, ref NginxLine line)
    {
        var p = pos;
        var cid = DecimalText.ReadNumber(s, ref p);
        if (cid < 0 || p >= s.Length || s[p] != ' ')
        {
            return pos;
        }

        if (!NginxLineParser.StartsWithKnownMessage(s[(p + 1)..]) && !EscapedFileCall(s[(p + 1)..]))
        {
            return pos;
        }

        // A writer's count before prose that names upstream statuses ("57845 upstream 502s (`connect() failed ...`"): every
        // message nginx starts with "upstream " goes on with a word, never a number, so this number is no connection's.
        if (ProseQuotes.UpstreamThenNumber(s[(p + 1)..]))
        {
            return pos;
        }

        line.ConnectionId = cid;
        return p + 1;
    }

    /// <summary>
    /// A file call on a path whose quotes a JSON or SQL string escaped (<c>open() \"/var/www/a.css\" failed ...</c>): after a
    /// starless number, as good a sign of nginx's message as the unescaped call. Only a record that lost its "*" gets here.
    /// </summary>
    private static bool EscapedFileCall(ReadOnlySpan<char> s) =>
        s.StartsWith("open() \\\"", StringComparison.Ordinal) || s.StartsWith("stat() \\\"", StringComparison.Ordinal);

    /// <summary>
    /// Markdown rendered the "*" of the connection number as emphasis and the page's HTML kept the tag in its place
    /// (<c>627#0: &lt;/em&gt;3865 open() ...</c>, the star before "Nginx error log" opening it). Where the number starts after
    /// the tag, or <paramref name="pos"/>. Only a record with no "*" after its pid gets here.
    /// </summary>
    private static int EmphasisTagEnd(ReadOnlySpan<char> s, int pos)
    {
        if (pos >= s.Length || s[pos] != '<')
        {
            return pos;
        }

        var rest = s[pos..];
        var end = rest.StartsWith("</em>", StringComparison.Ordinal) ? 5 : rest.StartsWith("<em>", StringComparison.Ordinal) ? 4 : 0;
        return end > 0 && end < rest.Length && char.IsAsciiDigit(rest[end]) ? pos + end : pos;
    }

    /// <summary>
    /// "* 17 upstream timed out ...": a machine translation put a blank between the "*" and the connection number. As with
    /// a starless number, it counts only when a message nginx writes for a connection follows it. Only a record whose
    /// "*" is not followed by a digit gets here.
    /// </summary>
    private static int SpacedConnectionId(ReadOnlySpan<char> s, int pos, ref NginxLine line)
    {
        if (pos + 2 >= s.Length || s[pos + 1] != ' ')
        {
            return pos;
        }

        if (char.IsAsciiDigit(s[pos + 2]))
        {
            var start = StarlessConnectionId(s, pos + 2, ref line);
            if (start != pos + 2)
            {
                return start;
            }
        }

        return PaddedConnectionId(s, pos, ref line);
    }

    /// <summary>
    /// "[error] 2771#0: *      16 lua entry thread aborted: ...": a terminal that wrapped the record right after the "*"
    /// padded the wrap with blanks (logread in a narrow window). Right behind the head's <c>PID#TID: </c> nginx writes
    /// nothing but "*N ", so there the blanks, the number and a word after it are the connection number whatever message
    /// follows. Only a record whose "*" is not followed by a digit gets here.
    /// </summary>
    private static int PaddedConnectionId(ReadOnlySpan<char> s, int pos, ref NginxLine line)
    {
        var blanks = s[(pos + 1)..].IndexOfAnyExcept(' ');
        var p = pos + 1 + blanks;
        if (blanks < 1 || blanks > MaxWrapPadding || !char.IsAsciiDigit(s[p]) || !AfterPidTid(s, pos))
        {
            return pos;
        }

        var cid = DecimalText.ReadNumber(s, ref p);
        if (cid < 0 || p + 1 >= s.Length || s[p] != ' ' || !char.IsAsciiLetter(s[p + 1]))
        {
            return pos;
        }

        line.ConnectionId = cid;
        return p + 1;
    }

    /// <summary>True when <c>PID#TID: </c> ends right before <paramref name="pos"/>.</summary>
    private static bool AfterPidTid(ReadOnlySpan<char> s, int pos)
    {
        if (pos < 5 || s[pos - 1] != ' ' || s[pos - 2] != ':')
        {
            return false;
        }

        var tid = s[..(pos - 2)].LastIndexOfAnyExceptInRange('0', '9');
        if (tid < 0 || tid == pos - 3 || s[tid] != '#')
        {
            return false;
        }

        var pid = s[..tid].LastIndexOfAnyExceptInRange('0', '9');
        return pid < tid - 1;
    }

    /// <summary>Widest run of blanks a terminal's wrap leaves inside a record (a 200-column window).</summary>
    private const int MaxWrapPadding = 200;

    /// <summary>
    /// A reporter's mask over the connection number in letters or underscores ("*XXXXXXXX connect() to ...",
    /// "*_____ connect() failed ..."): a run of 'X', 'x' or '_' after the '*', a space and a message nginx writes. Where the
    /// message starts, or -1. Only looked at when no digit follows '*' and no placeholder did.
    /// </summary>
    private static int LetterMaskEnd(ReadOnlySpan<char> s, int p)
    {
        var end = p;
        while (end < s.Length && end - p < MaxMask && s[end] is 'X' or 'x' or '_')
        {
            end++;
        }

        return end - p >= 2 && end + 1 < s.Length && s[end] == ' ' && NginxLineParser.StartsWithKnownMessage(s[(end + 1)..]) ? end + 1 : -1;
    }

    /// <summary>Widest placeholder name looked at.</summary>
    private const int MaxPlaceholder = 32;

    /// <summary>
    /// Where the message starts after a code template's placeholder for the connection number at <paramref name="p"/>
    /// (<c>{name}</c>, <c>${name}</c>, <c>%d</c>, each followed by a space), or -1. Only looked at when no digit follows '*'.
    /// </summary>
    private static int PlaceholderEnd(ReadOnlySpan<char> s, int p)
    {
        var end = PlaceholderTokenEnd(s, p);
        return end > 0 && end + 1 < s.Length && s[end] == ' ' ? end + 1 : -1;
    }

    /// <summary>": *" after a placeholder: the connection number, or its own placeholder, follows the pid's.</summary>
    private static bool PlaceholderBeforeConnection(ReadOnlySpan<char> s, int p) =>
        p + 3 < s.Length && s[p] == ':' && s[p + 1] == ' ' && s[p + 2] == '*' && (char.IsAsciiDigit(s[p + 3]) || s[p + 3] == '<');

    /// <summary>
    /// Where a placeholder at <paramref name="p"/> (<c>{name}</c>, <c>${name}</c>, <c>%d</c>, a normalizer's or log
    /// template miner's <c>&lt;PID&gt;</c> and <c>&lt;*&gt;</c>) ends, or -1.
    /// </summary>
    private static int PlaceholderTokenEnd(ReadOnlySpan<char> s, int p)
    {
        if (p + 1 < s.Length && s[p] == '%' && s[p + 1] is 'd' or 's' or 'i' or 'u')
        {
            return p + 2;
        }

        if (p < s.Length && s[p] == '*')
        {
            return MaskEnd(s, p);
        }

        if (p < s.Length && s[p] == '<')
        {
            return AngleTokenEnd(s, p);
        }

        var open = p < s.Length && s[p] == '$' ? p + 1 : p;
        if (open >= s.Length || s[open] != '{')
        {
            return -1;
        }

        var window = s[(open + 1)..Math.Min(s.Length, open + 1 + MaxPlaceholder)];
        var close = window.IndexOf('}');

        // "${...}" is a JavaScript template's expression, which may hold spaces and operators ("${s % 10}"); a bare
        // "{...}" keeps to a name, so prose in braces is not taken for one.
        var allowed = open > p ? TemplateExpressionChars : PlaceholderChars;
        if (close < 1 || window[..close].ContainsAnyExcept(allowed))
        {
            return -1;
        }

        return open + 1 + close + 1;
    }

    /// <summary>
    /// A writer's mask over a number ("[error] ***#***: ******** upstream timed out ..."): a run of asterisks where the
    /// pid, the tid or the connection number's digits were, read like a template's placeholder. Where the run ends, or -1;
    /// a pid's or tid's mask needs two asterisks (a lone "*" before the pid's place is the connection number's).
    /// </summary>
    private static int MaskEnd(ReadOnlySpan<char> s, int p)
    {
        var end = p;
        while (end < s.Length && end - p < MaxMask && s[end] == '*')
        {
            end++;
        }

        var beforeHash = end < s.Length && s[end] == '#';
        var beforeColon = end < s.Length && s[end] == ':';
        return (beforeHash || beforeColon) && end - p < 2 ? -1 : end;
    }

    /// <summary>"&lt;NAME&gt;" or "&lt;*&gt;" at <paramref name="p"/>: where it ends, or -1 (a name's characters only, so no tag or prose).</summary>
    private static int AngleTokenEnd(ReadOnlySpan<char> s, int p)
    {
        var window = s[(p + 1)..Math.Min(s.Length, p + 1 + MaxPlaceholder)];
        var close = window.IndexOf('>');
        var name = close < 1 ? default : window[..close];
        return close < 1 || (name.ContainsAnyExcept(PlaceholderChars) && name is not "*") ? -1 : p + 1 + close + 1;
    }

    /// <summary>Widest mask looked at (a connection number's ten digits and some).</summary>
    private const int MaxMask = 12;

    private static readonly System.Buffers.SearchValues<char> PlaceholderChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.");

    private static readonly System.Buffers.SearchValues<char> TemplateExpressionChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_. %+-*/()[]");
}
