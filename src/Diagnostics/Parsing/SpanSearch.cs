namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>Searches the engine's parser and rules share, tuned for short fields.</summary>
internal static class SpanSearch
{
    /// <summary>
    /// <c>s.IndexOf(text)</c> for a text whose first character is rare in <paramref name="s"/> (a comma in a client
    /// address or server name, a quote in a request, a colon in an upstream address): a one-character search per
    /// candidate costs less than a substring search's setup on these short values.
    /// </summary>
    public static int IndexOfRare(ReadOnlySpan<char> s, string text)
    {
        for (var at = 0; ;)
        {
            var i = s[at..].IndexOf(text[0]);
            if (i < 0)
            {
                return -1;
            }

            at += i;
            if (s[at..].StartsWith(text, StringComparison.Ordinal))
            {
                return at;
            }

            at++;
        }
    }

    /// <summary>True when <paramref name="s"/> starts with one of <paramref name="prefixes"/> (ordinal).</summary>
    /// <remarks>
    /// The rules and readers ask this of lists most texts start with none of: a prefix is compared only when its first
    /// character is the text's, so a miss costs one character test per prefix.
    /// </remarks>
    public static bool StartsWithAny(ReadOnlySpan<char> s, string[] prefixes)
    {
        var first = s.IsEmpty ? '\0' : s[0];
        foreach (var prefix in prefixes)
        {
            if (prefix.Length == 0 || (prefix[0] == first && s.StartsWith(prefix, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="s"/> ends with one of <paramref name="suffixes"/> (ordinal).</summary>
    public static bool EndsWithAny(ReadOnlySpan<char> s, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (s.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
