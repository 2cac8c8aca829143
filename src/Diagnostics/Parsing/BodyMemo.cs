namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// The head of a record body (<c>MESSAGE (ERRNO: TEXT) while ACTION</c>, up to <c>, client: </c>) as parsed before: a log
/// repeats a few dozen heads millions of times, and a head's message, errno and action offsets depend only on its text,
/// so a repeat costs one comparison instead of the client-key search, the action and the errno parse.
/// <para>
/// Exact, not a guess: a hit needs the body to start with a stored head whose client key is valid here (checked as the
/// full parse checks it), and any ", client: " inside a stored head was invalid when it was parsed, for reasons that lie
/// within the head itself (its value ends at a comma or quote no later than the head's own end). Bounded: 256 buckets of
/// 4 heads of at most <see cref="MaxHeadChars"/> characters. Not thread-safe: one per thread.
/// </para>
/// <para>
/// The heads kept are <see cref="RecordHead"/>s, which the records parsed with them share (<see cref="NginxLine.Head"/>).
/// </para>
/// </summary>
internal sealed class BodyMemo
{
    /// <summary>Shortest head kept: the bucket is chosen by its first <see cref="KeyChars"/> characters.</summary>
    public const int KeyChars = 16;

    public const int MaxHeadChars = 200;

    private const int Buckets = 256;
    private const int Ways = 4;

    private readonly RecordHead?[] _entries = new RecordHead?[Buckets * Ways];
    private readonly byte[] _next = new byte[Buckets];

    /// <summary>Fills the head's parts of <paramref name="line"/> from a stored head; the client suffix starts at the returned offset.</summary>
    public int TryApply(ReadOnlySpan<char> s, int start, ref NginxLine line, out bool isUdp)
    {
        isUdp = false;
        var body = s[start..];
        if (body.Length < KeyChars)
        {
            return -1;
        }

        var bucket = Bucket(body);
        for (var i = 0; i < Ways; i++)
        {
            var entry = _entries[bucket + i];
            if (entry is null)
            {
                return -1;
            }

            var head = entry.Text;
            if (body.Length > head.Length && body.StartsWith(head) && RecordSuffixParser.IsClientSuffix(s, start + head.Length, out isUdp))
            {
                entry.ApplyTo(start, ref line);
                return start + head.Length;
            }
        }

        return -1;
    }

    /// <summary>
    /// Keeps the head <c>s[start..suffix]</c> that <paramref name="line"/> holds the parse of, and returns it (null for a
    /// head too short or too long to keep).
    /// </summary>
    public RecordHead? Store(ReadOnlySpan<char> s, int start, int suffix, in NginxLine line)
    {
        var length = suffix - start;
        if (length is < KeyChars or > MaxHeadChars)
        {
            return null;
        }

        var body = s[start..suffix];
        var bucket = Bucket(body);
        var way = _next[bucket / Ways];
        _next[bucket / Ways] = (byte)((way + 1) % Ways);
        return _entries[bucket + way] = new RecordHead(new string(body), start, in line);
    }

    private static int Bucket(ReadOnlySpan<char> body) => (SpanHash.Of(body[..KeyChars]) & (Buckets - 1)) * Ways;
}
