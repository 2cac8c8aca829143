namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>How nginx names a unix socket in connect()'s record, shared by the parser and the connect rule.</summary>
public static class SocketNames
{
    /// <summary>
    /// A unix socket's name as the record shows it, with or without "unix:": an absolute path without spaces, or a bare
    /// file name (letters, digits, '.', '-', '_'), either ending in ".sock".
    /// </summary>
    public static bool IsSocketName(ReadOnlySpan<char> s)
    {
        var path = s.StartsWith("unix:", StringComparison.Ordinal) ? s["unix:".Length..] : s;
        if (path.Length <= ".sock".Length || !path.EndsWith(".sock", StringComparison.Ordinal) || path.Contains(' '))
        {
            return false;
        }

        return path[0] == '/' || !path.ContainsAnyExcept(NameChars);
    }

    private static readonly System.Buffers.SearchValues<char> NameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_");
}
