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
        // A markdown list item: "- text" or "* text" ("*" before a digit is nginx's *CID, not a bullet).
        var i = s.Length > 2 && s[0] is '-' or '*' && s[1] == ' ' ? 2 : 0;
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
    /// Where the content ends once the closing counterpart of the leading noise is removed (a trailing backtick, "**",
    /// quote or whitespace). Called only when <see cref="Leading"/> found noise, so a plain line keeps its last character.
    /// </summary>
    public static int ContentEnd(ReadOnlySpan<char> s)
    {
        var end = s.Length;
        while (end > 0 && s[end - 1] is '`' or '\'' or '*' or ' ' or '\t')
        {
            end--;
        }

        return end;
    }
}
