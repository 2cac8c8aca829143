using System.Buffers;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// An access-log line in key=value fields, as a <c>log_format</c> of <c>status=$status upstream_status=$upstream_status
/// request_time=$request_time ...</c> writes it (also quoted after a writer's label: <c>Nginx access log: status=504
/// upstream_response_time=60.000</c>). Only a line with a <c>status=</c> of three digits and one more key named after
/// nginx's upstream or timing variables is taken, so an application's own key=value log with a status stays unknown.
/// </summary>
public static class KeyValueAccessLineParser
{
    private static readonly SearchValues<string> NginxKeys = SearchValues.Create(
        [" upstream_status=", " upstream_response_time=", " upstream_connect_time=", " upstream_header_time=", " upstream_addr=", " request_time=", " body_bytes_sent="],
        StringComparison.Ordinal);

    /// <summary>Reads <paramref name="s"/> into <paramref name="c"/> (kind, status, request); false when it is no such line.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var status = Value(s, "status=");
        if (status.Length != 3 || !NginxLineParser.Digits(s, status.Start, 3, out var code) || code is < 100 or > 599
            || s.IndexOfAny(NginxKeys) < 0)
        {
            return false;
        }

        var request = Value(s, "request=");
        request = request.Length > 0 ? request : Value(s, "uri=");
        request = request.Length > 0 ? request : Value(s, "path=");
        c.Kind = RecordKind.NginxAccess;
        c.Status = code;
        c.Message = request.Length > 0 ? request : Segment.Between(status.Start - 7, status.Start + 3);
        return true;
    }

    /// <summary>
    /// The value of the first <c>key=</c> that opens the line or follows a blank: a quoted value without its quotes, or a
    /// bare one up to the next blank (a sentence's full stop after it dropped). <see cref="Segment.None"/> when absent.
    /// </summary>
    private static Segment Value(ReadOnlySpan<char> s, string key)
    {
        var at = 0;
        while (true)
        {
            var hit = s[at..].IndexOf(key, StringComparison.Ordinal);
            if (hit < 0)
            {
                return Segment.None;
            }

            at += hit;
            if (at == 0 || s[at - 1] == ' ')
            {
                break;
            }

            at += key.Length;
        }

        var start = at + key.Length;
        if (start < s.Length && s[start] == '"')
        {
            var close = s[(start + 1)..].IndexOf('"');
            return close < 0 ? Segment.None : Segment.Between(start + 1, start + 1 + close);
        }

        var end = s[start..].IndexOf(' ');
        var value = end < 0 ? s[start..] : s.Slice(start, end);
        return Segment.Between(start, start + value.TrimEnd(".,;").Length);
    }
}
