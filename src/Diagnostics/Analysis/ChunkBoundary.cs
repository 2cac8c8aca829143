namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>
/// Where a file may be cut so that chunks analysed apart give what one pass gives: at the start of an nginx record
/// (<c>YYYY/MM/DD HH:MM:SS [</c>, which is never a continuation) whose previous line is a whole one-line record that is
/// not FastCGI stderr, and which is not gRPC's summary line of a header error. So no multi-line FastCGI record is split,
/// no PHP fatal that the analyzer holds for one record (to see whether the worker died, 502) is cut from the record after
/// it, and no summary line from the parser's line of the same attempt before it (one client status for the two records).
/// </summary>
public static class ChunkBoundary
{
    private static ReadOnlySpan<byte> FastcgiStderr => "FastCGI sent in stderr"u8;

    /// <summary>ngx_http_grpc_process_header's line after the parser's own (the HTTP proxy's message goes on with a colon).</summary>
    private static ReadOnlySpan<byte> GrpcHeaderErrorSummary => " upstream sent invalid header while "u8;

    /// <summary>
    /// The offset in <paramref name="window"/> of the first safe cut at a line start at or after <paramref name="from"/>
    /// (the window holds some bytes before it, so the line before that start can be checked). When the window holds no
    /// safe cut (input without nginx records), the first line start at or after <paramref name="from"/>; -1 when there is
    /// no newline at or after it.
    /// </summary>
    public static int Find(ReadOnlySpan<byte> window, int from = 0)
    {
        var first = window[from..].IndexOf((byte)'\n');
        if (first < 0)
        {
            return -1;
        }

        var cut = from + first + 1;
        while (cut < window.Length)
        {
            var previousStart = window[..(cut - 1)].LastIndexOf((byte)'\n') + 1;
            var previous = window[previousStart..(cut - 1)];
            var next = window[cut..].IndexOf((byte)'\n');
            if (previousStart > 0 && IsRecordStart(previous) && previous.IndexOf(FastcgiStderr) < 0 && IsRecordStart(window[cut..])
                && (next < 0 ? window[cut..] : window.Slice(cut, next)).IndexOf(GrpcHeaderErrorSummary) < 0)
            {
                return cut;
            }

            if (next < 0)
            {
                break;
            }

            cut += next + 1;
        }

        return from + first + 1;
    }

    /// <summary>The bytes start like an nginx error-log record (the check the analyzer makes on text).</summary>
    public static bool IsRecordStart(ReadOnlySpan<byte> s) =>
        s.Length >= 22 && s[4] == '/' && s[7] == '/' && s[10] == ' ' && s[13] == ':' && s[16] == ':' && s[19] == ' '
        && s[20] == '[' && char.IsAsciiDigit((char)s[0]) && char.IsAsciiDigit((char)s[3]);
}
