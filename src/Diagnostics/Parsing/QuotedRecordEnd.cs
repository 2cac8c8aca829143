namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Where a record quoted inside prose or code ends: after its action, its closing quote, backtick or corner bracket,
/// before the sentence goes on. Loose paths only.
/// </summary>
internal static class QuotedRecordEnd
{
    /// <summary>
    /// Where a pasted record ends when prose or punctuation follows its action (<c>... to upstream.</c>,
    /// <c>... to upstream" error.</c>): right after the last known action, unless the client suffix follows it.
    /// </summary>
    internal static int ActionEnd(ReadOnlySpan<char> s)
    {
        // The last "while" may be prose after the quote ("`... to upstream`, while API"): a few earlier ones are looked at.
        var w = s.LastIndexOf(" while ", StringComparison.Ordinal);
        for (var round = 0; w >= 0 && round < 3; round++)
        {
            var candidate = s[(w + " while ".Length)..];
            if (CutOfLongerActionThenField(candidate))
            {
                return s.Length;
            }

            foreach (var action in NginxActions.Known)
            {
                if (candidate.StartsWith(action, StringComparison.Ordinal))
                {
                    var rest = candidate[action.Length..];
                    return rest.IsEmpty || (rest[0] == ',' && !SentenceGoesOn(rest)) || (char.IsAsciiLetterOrDigit(rest[0]) && !GluedAfterUpstream(action, rest))
                        || HealthCheckSuffixFollows(rest)
                        ? s.Length : w + " while ".Length + action.Length;
                }
            }

            w = w > 0 ? s[..w].LastIndexOf(" while ", StringComparison.Ordinal) : -1;
        }

        return s.Length;
    }

    /// <summary>
    /// A paste's cut of a longer action before the record's next field ("SSL handshaking to u, client: ..."): the cut
    /// is the action, not "SSL handshaking" followed by prose.
    /// </summary>
    private static bool CutOfLongerActionThenField(ReadOnlySpan<char> candidate)
    {
        var comma = candidate.IndexOf(',');
        if (comma < "SSL handshaking to".Length || SentenceGoesOn(candidate[comma..]))
        {
            return false;
        }

        var cut = candidate[..comma];
        foreach (var action in NginxActions.Known)
        {
            if (action.Length > cut.Length && action.AsSpan().StartsWith(cut, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// NGINX Plus's health-check suffix right after the action, or after a short parenthesised note a viewer added
    /// (<c>... to upstream (status 0), health check "" of peer ...</c>): the record goes on, it is not prose.
    /// </summary>
    private static bool HealthCheckSuffixFollows(ReadOnlySpan<char> rest)
    {
        var at = rest[..Math.Min(rest.Length, 40)].IndexOf(RecordSuffixParser.HealthCheckSuffix, StringComparison.Ordinal);
        return at == 0 || (at > 0 && rest[..at].TrimStart(' ') is [ '(', .., ')' ]);
    }

    /// <summary>
    /// A page's text extraction glued the writer's next word to a quoted action ("... from upstreamor"): no nginx action
    /// goes on after "upstream" with a letter (the known actions are tried longest first), so the action ends there.
    /// </summary>
    private static bool GluedAfterUpstream(string action, ReadOnlySpan<char> rest) =>
        action.EndsWith(" upstream", StringComparison.Ordinal) && char.IsAsciiLetterLower(rest[0]);

    /// <summary>
    /// After an action, a comma starts nginx's next field (", client: ", ", upstream: ", ", resolver: ", NGINX Plus's
    /// ", health check \"...\" of peer ..."), or ends a cut
    /// paste; a writer's own words after it (", through searching the data, we learned ...") are a sentence going on.
    /// </summary>
    private static bool SentenceGoesOn(ReadOnlySpan<char> afterAction)
    {
        var rest = afterAction[1..].TrimStart(' ');
        var colon = rest[..Math.Min(rest.Length, 24)].IndexOf(':');
        if (rest.IsEmpty || (colon > 0 && !rest[..colon].ContainsAnyExcept(NginxKeyChars))
            || rest.StartsWith(RecordSuffixParser.HealthCheckSuffix.AsSpan(2), StringComparison.Ordinal))
        {
            return false;
        }

        return rest.Length > 1 && char.IsAsciiLetterLower(rest[0]);
    }

    private static readonly System.Buffers.SearchValues<char> NginxKeyChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz_/ ");

    /// <summary>
    /// Where a message a writer quoted in backticks ends, when prose follows the closing backtick: nginx never writes a
    /// backtick, so the first pair that opens on a known message start (or a record) encloses the quote. The whole
    /// length when there is no such pair (the common case: no backtick at all, found by one vectorised scan).
    /// </summary>
    internal static int BacktickQuoteEnd(ReadOnlySpan<char> s)
    {
        // A pair that quotes something else first (a command: "`docker logs proxy` – reveals `connect() failed (111)`
        // errors") is passed over; a few pairs at most.
        var open = s.IndexOf('`');
        for (var pair = 0; pair < 4 && open >= 0; pair++)
        {
            var close = s[(open + 1)..].IndexOf('`');
            if (close <= 0)
            {
                return s.Length;
            }

            close += open + 1;
            if (QuoteEnd(s, open, close) is var end and >= 0)
            {
                return end;
            }

            var next = s[(close + 1)..].IndexOf('`');
            open = next < 0 ? -1 : close + 1 + next;
        }

        return s.Length;
    }

    /// <summary>
    /// Where a message a Chinese or Japanese writer quoted in corner brackets ends (<c>看到「upstream timed out while
    /// connecting」而不是...</c>): nginx never writes one, so the first pair whose text opens on a known message start (or a
    /// record) encloses the quote, judged as a backtick pair is. The whole length when there is no such pair.
    /// </summary>
    internal static int CornerBracketQuoteEnd(ReadOnlySpan<char> s)
    {
        var open = s.IndexOfAny('\u300C', '\u300E');
        for (var pair = 0; pair < 4 && open >= 0; pair++)
        {
            var close = s[(open + 1)..].IndexOf(s[open] == '\u300C' ? '\u300D' : '\u300F');
            if (close <= 0)
            {
                return s.Length;
            }

            close += open + 1;
            if (QuoteEnd(s, open, close) is var end and >= 0)
            {
                return end;
            }

            var next = s[(close + 1)..].IndexOfAny('\u300C', '\u300E');
            open = next < 0 ? -1 : close + 1 + next;
        }

        return s.Length;
    }

    /// <summary>Where the line is cut for the backtick pair at <paramref name="open"/>..<paramref name="close"/>, or -1 when the pair quotes no message.</summary>
    private static int QuoteEnd(ReadOnlySpan<char> s, int open, int close)
    {
        var quoted = s[(open + 1)..close];

        // Nothing but punctuation after it, or the record going on ("`...` while reading ...", "`...`, client: "):
        // no prose to drop. Punctuation after a quoted record that reached its suffix is still not the record's.
        var after = s[(close + 1)..];
        if ((after.TrimEnd(" \t.,;:)*").IsEmpty && !quoted.Contains(", client: ", StringComparison.Ordinal)) || SuffixGoesOn(after)
            || after.TrimStart().StartsWith("while ", StringComparison.Ordinal))
        {
            return s.Length;
        }

        // journald's or syslog's tag may be quoted with the record: "`nginx: [error] upstream prematurely closed ...`".
        if (quoted.StartsWith("nginx: ", StringComparison.Ordinal))
        {
            quoted = quoted["nginx: ".Length..];
        }

        var opensMessage = NginxLineParser.LooksLikeRecordStart(quoted) || quoted.StartsWith("[", StringComparison.Ordinal)
            || (quoted.Length > 1 && quoted[0] == '*' && char.IsAsciiDigit(quoted[1]));
        foreach (var bare in NginxLineParser.BareMessageStarts)
        {
            opensMessage = opensMessage || quoted.StartsWith(bare, StringComparison.Ordinal);
        }

        // connect()'s record quoted from the socket path on ("`unix:/run/php-fpm/www.sock failed (2: ...) while ...`"): the
        // call dropped by the writer, still nginx's text and nothing a writer's prose says.
        opensMessage = opensMessage || (quoted.StartsWith("unix:", StringComparison.Ordinal) && quoted.Contains(" failed (", StringComparison.Ordinal));
        return opensMessage ? close : -1;
    }

    /// <summary>
    /// After a closing backtick, the record goes on when nginx's suffix follows (<c>`...`, client: </c>); a comma that
    /// starts prose (<c>`...`, while API ...</c>) does not go on.
    /// </summary>
    private static bool SuffixGoesOn(ReadOnlySpan<char> after)
    {
        if (after.IsEmpty || after[0] != ',')
        {
            return false;
        }

        var rest = after[1..].TrimStart(' ');
        var colon = rest[..Math.Min(rest.Length, 12)].IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !rest[..colon].ContainsAnyExceptInRange('a', 'z');
    }
}
