namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// The end of a record's message: the <c> (errno: text)</c> group and <c> while &lt;action&gt;</c>, with the cut and
/// emphasised forms pastes produce.
/// </summary>
internal static class MessageTailParser
{
    internal static int ParseAction(ReadOnlySpan<char> s, int start, int end, ref NginxLine line)
    {
        var head = s[start..end];
        var w = head.LastIndexOf(" while ", StringComparison.Ordinal);
        if (w <= 0)
        {
            // A paste that lost the space after "while" ("... directory) whileconnecting to upstream") or before it
            // ("... refused)while connecting to upstream"), or a terminal's wrap padded with blanks inside "while"
            // ("... directory) whi      le connecting to upstream"): looked for only when the message ends like an
            // upstream action, so other records pay one comparison.
            return head.EndsWith(" upstream", StringComparison.Ordinal) ? GluedOrPaddedAction(head, start, end, ref line) : end;
        }

        var candidate = head[(w + " while ".Length)..];

        // An action we do not know yet must still look like one: plain lowercase words, e.g. a newer nginx's phase. Every
        // known action looks like one too, so the list is searched only for what does not.
        if ((candidate.Length is > 0 and < 60 && !candidate.ContainsAnyExcept(ActionChars)) || IsKnownAction(candidate))
        {
            line.Action = new Segment(start + w + " while ".Length, candidate.Length);
            return start + w;
        }

        var tagged = KnownActionBeforeTag(candidate);
        if (tagged > 0)
        {
            line.Action = new Segment(start + w + " while ".Length, tagged);
            return start + w;
        }

        var paged = PagerCutAction(candidate);
        if (paged > 0)
        {
            line.Action = new Segment(start + w + " while ".Length, paged);
            line.Truncated = true;
            return start + w;
        }

        return end;
    }

    /// <summary>
    /// A pager or editor cut the line at the terminal's width and marked the cut with "$" (nano, less -S, vim's
    /// <c>list</c>): "... while reading response header from$". The action is what stands before the mark, read as any
    /// cut action is. Reached only when no action matched as is.
    /// </summary>
    private static int PagerCutAction(ReadOnlySpan<char> candidate) =>
        candidate.Length is > 1 and < 60 && candidate[^1] == '$' && !candidate[..^1].ContainsAnyExcept(ActionChars)
            ? candidate.Length - 1
            : 0;

    private static int GluedOrPaddedAction(ReadOnlySpan<char> head, int start, int end, ref NginxLine line)
    {
        foreach (var glued in GluedWhile)
        {
            var w = head.LastIndexOf(glued, StringComparison.Ordinal);
            if (w > 0 && IsKnownAction(head[(w + glued.Length)..]))
            {
                line.Action = new Segment(start + w + glued.Length, head.Length - w - glued.Length);
                return start + w + 1;
            }
        }

        return PaddedAction(head, start, end, ref line);
    }

    /// <summary>"while" after the errno's closing parenthesis with the blank after it lost, or the blank before it.</summary>
    private static readonly string[] GluedWhile = [") while", ")while "];

    private const string While = " while ";

    /// <summary>Fewest blanks read as a terminal's wrap padding (a pasted row filled up to the window's width).</summary>
    private const int MinWrapPadding = 8;

    /// <summary>
    /// A terminal wrapped the record inside " while " and the paste kept the row's padding as a run of blanks
    /// ("... directory) whi                    le connecting to upstream"): read without the run, the text before the
    /// action is " while " and the action after it is a known one. Only a run of <see cref="MinWrapPadding"/> or more
    /// blanks counts; a run inside the action itself leaves the action unread (its text is not one piece).
    /// </summary>
    private static int PaddedAction(ReadOnlySpan<char> head, int start, int end, ref NginxLine line)
    {
        var runEnd = head.LastIndexOf(' ');
        var runStart = runEnd < 0 ? -1 : head[..runEnd].LastIndexOfAnyExcept(' ');
        while (runStart >= 0 && runEnd - runStart < MinWrapPadding)
        {
            runEnd = head[..(runStart + 1)].LastIndexOf(' ');
            runStart = runEnd < 0 ? -1 : head[..runEnd].LastIndexOfAnyExcept(' ');
        }

        if (runStart < 0)
        {
            return end;
        }

        var before = head[..(runStart + 1)];
        var after = head[(runEnd + 1)..];
        foreach (var action in NginxActions.Known)
        {
            if (!after.EndsWith(action, StringComparison.Ordinal))
            {
                continue;
            }

            // The part of " while " after the run, and the part before it that must end the text before the run.
            var rest = after[..^action.Length];
            var split = While.Length - rest.Length;
            if (split > 0 && rest.SequenceEqual(While.AsSpan(split)) && before.EndsWith(While.AsSpan(0, split), StringComparison.Ordinal))
            {
                line.Action = new Segment(start + head.Length - action.Length, action.Length);
                return start + before.Length - split;
            }
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

    /// <summary>
    /// A known action with a module's tag glued on (<c>connecting to upstream(proxy_connect)</c>, written by the
    /// third-party proxy_connect module) or with the pasted text's own punctuation after it (a title cut at
    /// <c>... to upstream,</c>): the length of the known action, or 0. Reached only when no action matched as is.
    /// </summary>
    private static int KnownActionBeforeTag(ReadOnlySpan<char> candidate)
    {
        foreach (var action in NginxActions.Known)
        {
            if (!candidate.StartsWith(action, StringComparison.Ordinal) || candidate.Length == action.Length)
            {
                continue;
            }

            // Also the writer's elision of the suffix: "... while connecting to upstream, ... upstream: \"http://...\"",
            // or in brackets after a space ("... while proxying upgraded connection [...]"), or the suffix cut to an
            // ellipsis and the writer's closing quote ("... to upstream,…..”").
            var rest = candidate[action.Length..].TrimEnd(",.;: \u2026\u201D\u300D");
            if (rest.IsEmpty || (rest.Length < 40 && rest[0] == '(' && rest[^1] == ')' && rest[1..^1].IndexOfAny("() ") < 0)
                || rest.StartsWith(", ...", StringComparison.Ordinal) || rest.StartsWith(", \u2026", StringComparison.Ordinal)
                || IsBracketedElision(rest) || StartsLaterSuffixField(rest))
            {
                return action.Length;
            }
        }

        return 0;
    }

    /// <summary>
    /// The writer dropped the client field and kept later ones of nginx's suffix (<c>... while connecting to upstream,
    /// upstream: "http://..."</c>): nginx writes client first, then server, request, upstream and host. Only when those
    /// fields end the text (a quoted value closed, then nothing or another field), so a record joined to prose or to
    /// other records by the writer keeps its own reading.
    /// </summary>
    private static bool StartsLaterSuffixField(ReadOnlySpan<char> rest)
    {
        if (rest.StartsWith(", server: ", StringComparison.Ordinal))
        {
            var next = rest[", server: ".Length..].IndexOf(", ", StringComparison.Ordinal);
            return next >= 0 && StartsLaterSuffixField(rest[(", server: ".Length + next)..]);
        }

        foreach (var key in QuotedLaterFields)
        {
            if (!rest.StartsWith(key, StringComparison.Ordinal))
            {
                continue;
            }

            var close = rest[key.Length..].IndexOf('"');
            if (close < 0)
            {
                return false;
            }

            var after = rest[(key.Length + close + 1)..];
            return after.TrimEnd("`'\".,;:) ").IsEmpty || StartsLaterSuffixField(after) || after.StartsWith(", referrer: \"", StringComparison.Ordinal);
        }

        return false;
    }

    private static readonly string[] QuotedLaterFields = [", request: \"", ", upstream: \"", ", host: \""];

    /// <summary>A writer's elision in brackets after a space: " [...]", " [..]", " [\u2026]".</summary>
    private static bool IsBracketedElision(ReadOnlySpan<char> rest) =>
        rest is " [...]" or " [..]" or " [\u2026]";

    private static readonly System.Buffers.SearchValues<char> ActionChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzSLTPH0123456789 /-");

    /// <summary>
    /// The <c> (N: text)</c> part sits immediately before the action (or the end of the message). A line that lost its
    /// end (<paramref name="cut"/>: no suffix, no action) may end inside it: "(111: Connection ref$"; the number stands.
    /// </summary>
    internal static int ParseErrno(ReadOnlySpan<char> s, int start, int end, bool cut, ref NginxLine line)
    {
        var head = s[start..end];
        if (head.Length < 6 || head[^1] != ')')
        {
            // A head ending in '*' is a bold group ("**(13: ...)**") or, on a cut line, a Markdown emphasis closed right
            // after the group ("... (2: No such file or directory)*"): the cut reading then finds the group before it.
            var bold = head.Length > 8 && head[^1] == '*' ? ParseBoldErrno(s, start, end, ref line) : end;
            return bold != end ? bold : cut ? ParseCutErrno(s, start, end, ref line) : end;
        }

        // The errno group is always the last parenthesised group; an SSL "(SSL: ...)" group has no number.
        // A hand-retyped paste may have lost the space before it ("failed(2: No such file or directory)").
        // A quote that kept only the group has it at the start ("(111: Connection refused) while connecting ...").
        var open = head.LastIndexOf(" (", StringComparison.Ordinal);
        var glued = open < 0 ? head.LastIndexOf("failed(", StringComparison.Ordinal) : -1;
        if (open < 0 && glued < 0 && head[0] != '(')
        {
            return end;
        }

        var messageEnd = open >= 0 ? open : glued >= 0 ? glued + "failed".Length : 0;
        var p = start + messageEnd + (open >= 0 ? 2 : 1);
        var number = DecimalText.ReadNumber(s, ref p);
        // "(111:Connection refused)": a retyped group may have lost the space after the colon, and its text its capital
        // ("(111:connection refused)"). Only a known errno text is taken then: S3's "(18:self-signed certificate)" is
        // written so by nginx and is no errno.
        if (number >= 0 && p + 1 < end && s[p] == ':'
            && (s[p + 1] == ' ' || ErrnoTable.Lookup(-1, s[(p + 1)..(end - 1)]) is not (Errno.Other or Errno.None)
                || ErrnoTable.IsKnownText(s[(p + 1)..(end - 1)])))
        {
            var text = s[p + 1] == ' ' ? p + 2 : p + 1;
            line.ErrnoNumber = (int)Math.Min(number, int.MaxValue);
            line.ErrnoText = Segment.Between(text, end - 1);
            line.Errno = ErrnoTable.Lookup(line.ErrnoNumber, line.ErrnoText.Of(s));
            return start + messageEnd;
        }

        // "(111 connection refused)": a group retyped without its colon, maybe in lower case. Only an errno text counts.
        if (number >= 0 && p + 1 < end && s[p] == ' ' && ErrnoTable.IsKnownText(s[(p + 1)..(end - 1)]))
        {
            line.ErrnoNumber = (int)Math.Min(number, int.MaxValue);
            line.ErrnoText = Segment.Between(p + 1, end - 1);
            line.Errno = ErrnoTable.Lookup(line.ErrnoNumber, line.ErrnoText.Of(s));
            return start + messageEnd;
        }

        // "connect() failed (111)": a writer kept the errno's number and dropped its text. Only right after the words nginx
        // puts a group after, so a count in parentheses that ends some other message stays part of it.
        if (number >= 0 && p == end - 1 && open > 0 && EndsWithFailure(head[..open]))
        {
            line.ErrnoNumber = (int)Math.Min(number, int.MaxValue);
            line.ErrnoText = Segment.None;
            line.Errno = ErrnoTable.Lookup(line.ErrnoNumber, default);
            return start + messageEnd;
        }

        return end;
    }

    private static bool EndsWithFailure(ReadOnlySpan<char> message) =>
        message.EndsWith(" failed", StringComparison.Ordinal) || message.EndsWith(" timed out", StringComparison.Ordinal);

    /// <summary>
    /// An errno group a reporter put in markdown bold inside the record: <c>connect() to unix:/run/app.sock failed
    /// **(13: Permission denied)** while connecting to upstream</c>. Only looked at when the head ends with '*'.
    /// </summary>
    private static int ParseBoldErrno(ReadOnlySpan<char> s, int start, int end, ref NginxLine line)
    {
        var head = s[start..end];
        var open = head.LastIndexOf(" **(", StringComparison.Ordinal);
        if (open < 0 || !head.EndsWith(")**", StringComparison.Ordinal))
        {
            return end;
        }

        var p = start + open + " **(".Length;
        var number = DecimalText.ReadNumber(s, ref p);
        if (number < 0 || p + 1 >= end - 3 || s[p] != ':' || s[p + 1] != ' ')
        {
            return end;
        }

        line.ErrnoNumber = (int)Math.Min(number, int.MaxValue);
        line.ErrnoText = Segment.Between(p + 2, end - 3);
        line.Errno = ErrnoTable.Lookup(line.ErrnoNumber, line.ErrnoText.Of(s));
        return start + open;
    }

    /// <summary>An errno group the paste cut or wrapped: <c>(111: Connection</c>, <c>(3: Host not found)...</c>.</summary>
    private static int ParseCutErrno(ReadOnlySpan<char> s, int start, int end, ref NginxLine line)
    {
        var open = s[start..end].LastIndexOf(" (", StringComparison.Ordinal);
        if (open < 0)
        {
            return end;
        }

        var p = start + open + 2;
        var number = DecimalText.ReadNumber(s, ref p);
        if (number < 0 || p + 1 >= end || s[p] != ':' || s[p + 1] != ' ')
        {
            return end;
        }

        var close = s[(p + 2)..end].IndexOf(')');
        line.ErrnoNumber = (int)Math.Min(number, int.MaxValue);
        line.ErrnoText = new Segment(p + 2, close < 0 ? end - p - 2 : close);
        line.Errno = ErrnoTable.Lookup(line.ErrnoNumber, line.ErrnoText.Of(s));
        line.Truncated = true;
        return start + open;
    }
}
