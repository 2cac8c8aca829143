using System.Runtime.CompilerServices;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>Substring search tuned for the engine's short fields.</summary>
internal static class SpanSearch
{
    /// <summary>
    /// <c>s.IndexOf(text)</c> for a text whose first character is rare in <paramref name="s"/> (a comma in a client
    /// address or server name, a quote in a request, a colon in an upstream address): a one-character search per
    /// candidate costs less than a substring search's setup on these short values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
}
