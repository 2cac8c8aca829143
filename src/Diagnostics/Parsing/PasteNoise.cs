namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// What people wrap around a line when they paste it into an issue, a chat or a mail: markdown backticks, bold and list
/// bullets, quote markers (<c>&gt; </c>), single quotes. Not an nginx envelope, but common in the text the bot is handed.
/// Leading whitespace is left alone: it marks continuation lines (tracebacks, FastCGI stderr).
/// </summary>
public static class PasteNoise
{
    /// <summary>Length of the noise at the start of <paramref name="s"/> (0 when the line starts with content).</summary>
    public static int Leading(ReadOnlySpan<char> s)
    {
        var literal = ConcatenatedLiteral(s);
        if (literal > 0)
        {
            return literal;
        }

        // A markdown list item: "- text" or "* text" ("*" before a digit is nginx's *CID, not a bullet).
        var i = s.Length > 2 && s[0] is '-' or '*' && s[1] == ' ' ? 2 : 0;
        for (var tag = BbCodeTag(s[i..], closing: false); tag > 0; tag = BbCodeTag(s[i..], closing: false))
        {
            i += tag;
        }

        while (i < s.Length)
        {
            if (s[i] is '`' or '\'' or '>')
            {
                i++;
            }
            else if (s[i] == '*' && i + 1 < s.Length && s[i + 1] == '*')
            {
                // "**" is markdown bold; a single '*' before digits is nginx's own *CID.
                i += 2;
            }
            else
            {
                break;
            }
        }

        if (i == 0)
        {
            return 0;
        }

        while (i < s.Length && s[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Length of a numbered list's marker at the start of <paramref name="s"/>, with the blanks around it ("  12. "), as a
    /// paste site's numbered view gives every line when copied, or a CJK list's number and its full-width mark ("2，");
    /// 0 when there is none. An address ("10.0.3.8 - -") or a time has no blank after its first dot.
    /// </summary>
    public static int ListNumber(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && i < 8 && s[i] == ' ')
        {
            i++;
        }

        var digits = i;
        while (i < s.Length && i - digits < 6 && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        // Chinese and Japanese lists number with full-width punctuation and no blank after it ("2，", "1、", "3．").
        if (i > digits && i + 1 < s.Length && s[i] is '\u3001' or '\uFF0C' or '\uFF0E')
        {
            i++;
        }
        else if (i == digits || i + 2 >= s.Length || s[i] != '.' || s[i + 1] is not (' ' or '\t'))
        {
            return 0;
        }
        else
        {
            i++;
        }

        while (i < s.Length && s[i] is ' ' or '\t')
        {
            i++;
        }

        return i < s.Length ? i : 0;
    }

    /// <summary>
    /// A record that code split over concatenated string literals goes on with the operator and an opening quote, maybe
    /// indented (<c>+ "while reading upstream, ..."</c>, <c>++ "..."</c>, PHP's <c>. "..."</c>, Lua's <c>.. "..."</c>):
    /// the length up to and with the quote, or 0.
    /// </summary>
    private static int ConcatenatedLiteral(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && s[i] is ' ' or '\t')
        {
            i++;
        }

        var op = i;
        while (i < s.Length && i - op < 2 && s[i] is '+' or '.')
        {
            i++;
        }

        if (i == op)
        {
            // Implicit concatenation (Python, C): the next literal alone, maybe a bytes or raw one (b"...", r'...'),
            // taken only when it goes on with the errno group, which the message before it still lacks. (A literal that
            // goes on with the action follows one that closed the errno group: joining it would put the first literal's
            // closing quote between the group and the action.) The blank before the group may open this literal rather
            // than close the one above.
            var text = LiteralTextStart(s);
            return text > 0 && OpensErrnoGroup(s[text..].TrimStart(' ')) ? text : 0;
        }

        if (i + 2 >= s.Length || s[i] != ' ' || s[i + 1] is not ('"' or '\''))
        {
            return 0;
        }

        return i + 2;
    }

    /// <summary>
    /// Where the text of a string literal that opens the line starts: after blanks, a bytes, raw, unicode or f-string
    /// prefix (<c>b"</c>, <c>r'</c>) and either quote (Python mixes them freely); -1 when no literal opens it.
    /// </summary>
    internal static int LiteralTextStart(ReadOnlySpan<char> s)
    {
        var i = 0;
        while (i < s.Length && s[i] is ' ' or '\t')
        {
            i++;
        }

        var quote = i < s.Length && s[i] is 'b' or 'r' or 'u' or 'f' ? i + 1 : i;
        return quote + 1 < s.Length && s[quote] is '"' or '\'' ? quote + 1 : -1;
    }

    private static bool OpensErrnoGroup(ReadOnlySpan<char> s) => s.Length > 1 && s[0] == '(' && char.IsAsciiDigit(s[1]);

    /// <summary>
    /// Where the content ends once the closing counterpart of the leading noise is removed (a trailing backtick, "**",
    /// quote or whitespace). Called only when <see cref="Leading"/> found noise, so a plain line keeps its last character.
    /// </summary>
    public static int ContentEnd(ReadOnlySpan<char> s)
    {
        var end = s.Length;

        // A code span closed after a word and a blank ("`... connect() to `"): the writer broke the record between two
        // words there, and the blank is kept to say so (WrappedPaste joins the next piece on it). After a comma or a
        // field's key the blank says nothing, and is dropped as before.
        var blank = s.TrimEnd(" \t").Length;
        if (blank > 2 && s[blank - 1] == '`' && s[blank - 2] == ' ' && char.IsAsciiLetterOrDigit(s[blank - 3]))
        {
            return blank - 1;
        }

        while (end > 0 && s[end - 1] is '`' or '\'' or '*' or ' ' or '\t')
        {
            end--;
        }

        // Closing forum tags: "...host: \"x\"[/FONT][/COLOR]".
        for (var open = s[..end].LastIndexOf('['); open >= 0 && s[end - 1] == ']' && BbCodeTag(s[open..end], closing: true) == end - open;
             open = s[..end].LastIndexOf('['))
        {
            end = open;
        }

        return end;
    }

    /// <summary>Forum markup a rich-text editor or a forum export puts around pasted text.</summary>
    private static readonly string[] BbCodeTags = ["code", "color", "font", "size", "quote", "b", "i", "u", "icode", "indent", "plain"];

    /// <summary>
    /// Length of the forum (BBCode) tag at the start of <paramref name="s"/>: <c>[COLOR=#000000]</c>, <c>[code]</c>, or
    /// with <paramref name="closing"/> <c>[/FONT]</c>; 0 when there is none. nginx's own "[error]" is no such tag.
    /// </summary>
    private static int BbCodeTag(ReadOnlySpan<char> s, bool closing)
    {
        var nameStart = closing ? 2 : 1;
        if (s.Length < nameStart + 2 || s[0] != '[' || (closing && s[1] != '/') || !char.IsAsciiLetter(s[nameStart]))
        {
            return 0;
        }

        var close = s[..Math.Min(s.Length, 48)].IndexOf(']');
        if (close <= nameStart)
        {
            return 0;
        }

        var name = s[nameStart..close];
        var eq = name.IndexOf('=');
        if (eq >= 0)
        {
            if (closing)
            {
                return 0;
            }

            name = name[..eq];
        }

        foreach (var tag in BbCodeTags)
        {
            if (name.Equals(tag, StringComparison.OrdinalIgnoreCase))
            {
                return close + 1;
            }
        }

        return 0;
    }
}
