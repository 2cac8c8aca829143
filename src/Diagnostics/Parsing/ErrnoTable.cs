namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// Maps the <c>(N: text)</c> part of a line to an <see cref="Errno"/>. The text decides first (glibc, musl, BSD and
/// Windows spell them differently and number them differently); the Linux number is the fallback.
/// </summary>
public static class ErrnoTable
{
    private static readonly (string Text, Errno Errno)[] Texts =
    [
        ("Connection refused", Errno.ConnectionRefused),
        ("actively refused", Errno.ConnectionRefused),
        ("No such file or directory", Errno.NoSuchFile),
        ("Permission denied", Errno.PermissionDenied),
        ("Operation not permitted", Errno.OperationNotPermitted),
        ("Resource temporarily unavailable", Errno.WouldBlock),
        ("Operation would block", Errno.WouldBlock),
        ("No route to host", Errno.HostUnreachable),
        ("Host is unreachable", Errno.HostUnreachable),
        ("Host is down", Errno.HostDown),
        ("Network is unreachable", Errno.NetworkUnreachable),
        ("Network unreachable", Errno.NetworkUnreachable),
        ("Network is down", Errno.NetworkDown),
        ("Cannot assign requested address", Errno.AddressNotAvailable),
        ("Can't assign requested address", Errno.AddressNotAvailable),
        ("Address not available", Errno.AddressNotAvailable),
        ("Too many open files", Errno.TooManyOpenFiles),
        ("No file descriptors available", Errno.TooManyOpenFiles),
        ("Connection timed out", Errno.TimedOut),
        ("Operation timed out", Errno.TimedOut),
        ("did not properly respond", Errno.TimedOut),
        ("Connection reset by peer", Errno.ConnectionReset),
        ("forcibly closed", Errno.ConnectionReset),
        ("Broken pipe", Errno.BrokenPipe),
        ("Transport endpoint is not connected", Errno.NotConnected),
        ("Socket not connected", Errno.NotConnected),
        ("Socket is not connected", Errno.NotConnected),
        ("Address family not supported", Errno.AddressFamilyNotSupported),
        ("No buffer space available", Errno.NoBufferSpace),
        ("Not a directory", Errno.NotADirectory),
        ("cannot find the path specified", Errno.NotADirectory),
    ];

    /// <summary>
    /// True when the text is one of the errno texts in any letter case: a writer who retyped the group ("(111 connection
    /// refused)") keeps the words if not their capitals.
    /// </summary>
    public static bool IsKnownText(ReadOnlySpan<char> text)
    {
        foreach (var (t, _) in Texts)
        {
            if (text.Equals(t, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where one of the errno texts, in nginx's spelling, ends <paramref name="s"/>, or -1: a writer's quote that elided
    /// the group's number and parentheses still ends the message with the text.
    /// </summary>
    public static int KnownTextEndingAt(ReadOnlySpan<char> s)
    {
        foreach (var (t, _) in Texts)
        {
            if (t.Length > 10 && char.IsAsciiLetterUpper(t[0]) && s.EndsWith(t, StringComparison.Ordinal))
            {
                return s.Length - t.Length;
            }
        }

        return -1;
    }

    public static Errno Lookup(int number, ReadOnlySpan<char> text)
    {
        // Exact texts first (the common case, and cheap); then texts embedded in longer wordings (Windows).
        foreach (var (t, e) in Texts)
        {
            if (text.SequenceEqual(t))
            {
                return e;
            }
        }

        // A pager wrapped the group inside its text and marked the row's end with a backslash ("(61: Connection r\" /
        // "efused)"), rejoined with a space: compared without the marks and blanks. Only such a paste puts a backslash
        // in an errno text, so a plain log whose text matched above never gets here.
        if (text.Contains('\\'))
        {
            foreach (var (t, e) in Texts)
            {
                if (EqualsWithoutWrapMarks(text, t))
                {
                    return e;
                }
            }
        }

        if (text.Length > 40)
        {
            foreach (var (t, e) in Texts)
            {
                if (text.Contains(t, StringComparison.OrdinalIgnoreCase))
                {
                    return e;
                }
            }
        }

        return number switch
        {
            111 or 10061 => Errno.ConnectionRefused,
            2 => Errno.NoSuchFile,
            13 => Errno.PermissionDenied,
            1 => Errno.OperationNotPermitted,
            11 => Errno.WouldBlock,
            113 => Errno.HostUnreachable,
            112 => Errno.HostDown,
            101 => Errno.NetworkUnreachable,
            100 => Errno.NetworkDown,
            99 => Errno.AddressNotAvailable,
            24 or 23 => Errno.TooManyOpenFiles,
            110 or 10060 => Errno.TimedOut,
            104 or 10054 => Errno.ConnectionReset,
            32 => Errno.BrokenPipe,
            107 => Errno.NotConnected,
            97 => Errno.AddressFamilyNotSupported,
            105 => Errno.NoBufferSpace,
            20 => Errno.NotADirectory,
            _ => Errno.Other,
        };
    }

    /// <summary>True when <paramref name="text"/> spells <paramref name="known"/> once backslashes and blanks are skipped.</summary>
    private static bool EqualsWithoutWrapMarks(ReadOnlySpan<char> text, string known)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < text.Length && text[i] is '\\' or ' ')
            {
                i++;
            }

            while (j < known.Length && known[j] == ' ')
            {
                j++;
            }

            if (i == text.Length || j == known.Length)
            {
                return i == text.Length && j == known.Length;
            }

            if (text[i++] != known[j++])
            {
                return false;
            }
        }
    }
}
