namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// A record copied out of Markdown source with its punctuation escaped (<c>2019/10/04 18:06:23 \[error\] 29881\#0:
/// \*319208 connect\(\) to unix:... failed \(111: Connection refused\) ...</c>), as a converter writes a record into a
/// table cell: the escapes are dropped so that the parse can read nginx's text. Only a line that escapes an opening
/// bracket or parenthesis and its closing one qualifies; nginx itself never writes a backslash before them.
/// </summary>
public static class MarkdownEscapes
{
    /// <summary>The punctuation a Markdown writer escapes in nginx's records.</summary>
    private const string Escaped = "[]()*#_";

    /// <summary>True when the line holds an escaped "[" or "(" with its escaped closing partner after it.</summary>
    public static bool Applies(ReadOnlySpan<char> s)
    {
        // Asked of every line that is no record: most hold no backslash at all, which one character search tells.
        var slash = s.IndexOf('\\');
        if (slash < 0)
        {
            return false;
        }

        s = s[slash..];
        var open = s.IndexOf("\\[", StringComparison.Ordinal);
        if (open >= 0 && s[(open + 2)..].Contains("\\]", StringComparison.Ordinal))
        {
            return true;
        }

        open = s.IndexOf("\\(", StringComparison.Ordinal);
        return open >= 0 && s[(open + 2)..].Contains("\\)", StringComparison.Ordinal);
    }

    /// <summary>Writes the line without its Markdown escapes into <paramref name="scratch"/> (at least as long) and returns its length.</summary>
    public static int Unescape(ReadOnlySpan<char> s, Span<char> scratch)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && Escaped.Contains(s[i + 1], StringComparison.Ordinal))
            {
                continue;
            }

            scratch[n++] = s[i];
        }

        return n;
    }
}
