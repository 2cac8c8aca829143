namespace Nginx502Bot.Diagnostics.NginxConfig;

/// <summary>File-name globbing as glob(3) does it for nginx's include: <c>*</c>, <c>?</c> and <c>[...]</c>; hidden files need an explicit dot.</summary>
public static class GlobMatcher
{
    public static bool HasWildcard(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    public static bool IsMatch(string name, string pattern)
    {
        if (name.StartsWith('.') && !pattern.StartsWith('.')) { return false; }
        return Match(name, 0, pattern, 0);
    }

    private static bool Match(string s, int si, string p, int pi)
    {
        while (pi < p.Length)
        {
            var c = p[pi];
            if (c == '*')
            {
                for (var k = si; k <= s.Length; k++)
                {
                    if (Match(s, k, p, pi + 1)) { return true; }
                }

                return false;
            }

            if (si >= s.Length) { return false; }
            if (c == '[')
            {
                var close = p.IndexOf(']', pi + 1);
                if (close < 0 || !InClass(s[si], p[(pi + 1)..close])) { return false; }
                pi = close + 1;
                si++;
                continue;
            }

            if (c != '?' && c != s[si]) { return false; }
            pi++;
            si++;
        }

        return si == s.Length;
    }

    private static bool InClass(char ch, string set)
    {
        var negate = set.StartsWith('!') || set.StartsWith('^');
        if (negate) { set = set[1..]; }
        var found = false;
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-') { found |= ch >= set[i] && ch <= set[i + 2]; i += 2; }
            else { found |= ch == set[i]; }
        }

        return found != negate;
    }
}
