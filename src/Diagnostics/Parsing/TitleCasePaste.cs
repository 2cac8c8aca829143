namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// An issue title that capitalised the words of nginx's message ("Upstream Prematurely Closed Connection While Reading
/// Response Header From Upstream"): lowered back to nginx's own spelling so that the loose parse can read it. Only a line
/// that names one of nginx's upstream actions with other capitals than nginx's qualifies; nginx itself never writes one.
/// </summary>
public static class TitleCasePaste
{
    /// <summary>The upstream actions as nginx spells them.</summary>
    private static readonly string[] Actions =
    [
        " while connecting to upstream", " while reading response header from upstream", " while sending request to upstream",
        " while SSL handshaking to upstream", " while reading upstream", " while proxying upgraded connection",
    ];

    /// <summary>Words nginx writes with capitals, restored after lowering.</summary>
    private static readonly string[] Capitalised =
    [
        "SSL_do_handshake()", "SSL_read()", "SSL_write()", "SSL handshaking", "SSL handshake", "SSL certificate", "SSL: ", "FastCGI", "HTTP/",
    ];

    /// <summary>True when the line holds an upstream action spelt with other capitals than nginx's.</summary>
    /// <summary>" while " in any case, searched vectorised (IndexOf with OrdinalIgnoreCase compares char by char).</summary>
    private static readonly System.Buffers.SearchValues<string> While =
        System.Buffers.SearchValues.Create([" While "], StringComparison.OrdinalIgnoreCase);

    public static bool Applies(ReadOnlySpan<char> s)
    {
        var w = s.IndexOfAny(While);
        if (w < 0)
        {
            return false;
        }

        // nginx writes "while <action>" in lower case (the continuation lines of every multi-line FastCGI record end so):
        // without a capital letter there, nothing is in title case and the action list need not be searched.
        if (!s.Slice(w + 1, Math.Min(s.Length - w - 1, 48)).ContainsAnyInRange('A', 'Z'))
        {
            return false;
        }

        foreach (var action in Actions)
        {
            if (s.Contains(action, StringComparison.OrdinalIgnoreCase) && !s.Contains(action, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes the lowered line into <paramref name="scratch"/> (at least as long) and returns its length.</summary>
    public static int Lower(ReadOnlySpan<char> s, Span<char> scratch)
    {
        // Quoted text (a stderr message, a request line, a header) is the backend's or the client's: kept as written.
        var quoted = false;
        for (var i = 0; i < s.Length; i++)
        {
            quoted ^= s[i] == '"';
            scratch[i] = !quoted && char.IsAsciiLetterUpper(s[i]) ? (char)(s[i] | 0x20) : s[i];
        }

        var lowered = scratch[..s.Length];
        foreach (var word in Capitalised)
        {
            var lower = word.ToLowerInvariant();
            for (var at = lowered.IndexOf(lower, StringComparison.Ordinal); at >= 0;)
            {
                word.AsSpan().CopyTo(lowered[at..]);
                var next = lowered[(at + 1)..].IndexOf(lower, StringComparison.Ordinal);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        return s.Length;
    }
}
