using System.Buffers;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// An access-log line in JSON, as a <c>log_format NAME escape=json '{...}'</c> writes it (the usual choice behind log
/// shippers and in Kubernetes): <c>{"time_local":"21/Nov/2026:10:00:00 +0000","remote_addr":"1.2.3.4","request":"GET /
/// HTTP/1.1","status":"502",...}</c>. The writer names the keys; only a line that names them after nginx's variables is
/// taken: a <c>status</c> of three digits, the <c>request</c> (or <c>request_uri</c>, <c>uri</c>, or the writer's <c>path</c>), and one more of
/// nginx's access variables. An application's own JSON log with a status field therefore stays unknown.
/// </summary>
public static class JsonAccessLineParser
{
    private static readonly SearchValues<string> NginxVariables = SearchValues.Create(
        [
            "\"remote_addr\"", "\"time_local\"", "\"time_iso8601\"", "\"body_bytes_sent\"", "\"bytes_sent\"", "\"upstream_addr\"",
            "\"upstream_status\"", "\"request_time\"", "\"upstream_response_time\"", "\"http_user_agent\"",
        ],
        StringComparison.Ordinal);

    /// <summary>
    /// Reads <paramref name="s"/>, whose object opens at <paramref name="brace"/> (0, or after a code literal's opening
    /// mark), into <paramref name="c"/> (kind, status, request, time); false when it is no such line.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> s, int brace, ref CompanionLine c)
    {
        if (s.Length < brace + 20 || s[brace] != '{' || s.IndexOfAny(NginxVariables) < 0)
        {
            return false;
        }

        var status = Value(s, "\"status\"");
        var request = Value(s, "\"request\"");
        request = request.IsPresent ? request : Value(s, "\"request_uri\"");
        request = request.IsPresent ? request : Value(s, "\"uri\"");

        // A format that names the URI "path" (as many writers' JSON formats do, beside nginx's own keys): the request.
        request = request.IsPresent ? request : Value(s, "\"path\"");

        if (status.Length != 3 || !AccessLineParser.HttpStatus(s, status.Start, out var code)
            || !request.IsPresent || request.Length == 0)
        {
            return false;
        }

        c.Kind = RecordKind.NginxAccess;
        c.Status = code;
        c.Message = request;
        var local = Value(s, "\"time_local\"");
        var iso = Value(s, "\"time_iso8601\"");
        c.Time = local.IsPresent ? AccessLineParser.Time(local.Of(s)) : iso.IsPresent ? TimeParsing.Iso(iso.Of(s)) : null;
        return true;
    }

    /// <summary>
    /// The value after <c>"key":</c>: a string's text without its quotes (up to the next quote that no backslash escapes),
    /// or a bare number up to the next comma, brace or blank. <see cref="Segment.None"/> when the key is absent.
    /// </summary>
    private static Segment Value(ReadOnlySpan<char> s, string key)
    {
        var at = s.IndexOf(key, StringComparison.Ordinal);
        if (at < 0)
        {
            return Segment.None;
        }

        var i = at + key.Length;
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        if (i >= s.Length || s[i] != ':')
        {
            return Segment.None;
        }

        i++;
        while (i < s.Length && s[i] == ' ')
        {
            i++;
        }

        if (i < s.Length && s[i] == '"')
        {
            var start = i + 1;
            for (var j = start; j < s.Length; j++)
            {
                if (s[j] == '\\')
                {
                    j++;
                }
                else if (s[j] == '"')
                {
                    return Segment.Between(start, j);
                }
            }

            return Segment.None;
        }

        var end = s[i..].IndexOfAny(",} ");
        return Segment.Between(i, end < 0 ? s.Length : i + end);
    }
}
