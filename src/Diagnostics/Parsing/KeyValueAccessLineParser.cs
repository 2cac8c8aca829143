using System.Buffers;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Parsing;

/// <summary>
/// An access-log line in key=value fields, as a <c>log_format</c> of <c>status=$status upstream_status=$upstream_status
/// request_time=$request_time ...</c> writes it (also quoted after a writer's label: <c>Nginx access log: status=504
/// upstream_response_time=60.000</c>), or in LTSV's tab-separated <c>label:value</c> fields. Only a line with a status of
/// three digits and one more key named after nginx's upstream or timing variables (in LTSV, a timing label) is taken, so
/// an application's own key=value log with a status stays unknown.
/// </summary>
public static class KeyValueAccessLineParser
{
    private static readonly SearchValues<string> NginxKeys = SearchValues.Create(
        [" upstream_status=", " upstream_response_time=", " upstream_connect_time=", " upstream_header_time=", " upstream_addr=", " request_time=", " body_bytes_sent="],
        StringComparison.Ordinal);

    /// <summary>
    /// LTSV's timing labels (tab-separated <c>label:value</c> fields, as alp and ltsv.org name them for nginx's and h2o's
    /// access logs: <c>reqtime</c>, <c>apptime</c>), and nginx's own variable names written the same way.
    /// </summary>
    private static readonly SearchValues<string> LtsvTimingLabels = SearchValues.Create(
        ["\treqtime:", "\tapptime:", "\trequest_time:", "\tupstream_response_time:", "\tupstream_status:", "\tupstream_addr:"],
        StringComparison.Ordinal);

    /// <summary>Reads <paramref name="s"/> into <paramref name="c"/> (kind, status, request); false when it is no such line.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        // LTSV (`time:...<TAB>status:502<TAB>...<TAB>reqtime:30.000`): the same reading with ':' after the label and tabs
        // between the fields.
        var ltsv = s.IndexOf('\t') >= 0 && s.IndexOfAny(LtsvTimingLabels) >= 0;
        var (mark, blank) = ltsv ? (':', '\t') : ('=', ' ');
        var status = Value(s, "status", mark, blank);
        if (status.Length != 3 || !AccessLineParser.HttpStatus(s, status.Start, out var code)
            || (!ltsv && s.IndexOfAny(NginxKeys) < 0))
        {
            return TryParseLabelledFields(s, ref c);
        }

        var request = Value(s, "request", mark, blank);
        request = request.Length > 0 ? request : Value(s, "req", mark, blank);
        request = request.Length > 0 ? request : Value(s, "uri", mark, blank);
        request = request.Length > 0 ? request : Value(s, "path", mark, blank);
        c.Kind = RecordKind.NginxAccess;
        c.Status = code;
        c.Message = request.Length > 0 ? request : Segment.Between(status.Start - 7, status.Start + 3);
        return true;
    }

    /// <summary>
    /// The combined format's head (address, user, bracketed time) followed by the request and the status as key=value
    /// fields with the writer's own short keys (<c>... [09/Jan/2017:16:29:55 +0000] request="POST /x HTTP/1.0" status=504
    /// bbs=84 rt=60.004 upstat=504 ...</c>), or with the request line's parts apart (<c>request_method="GET"
    /// request_uri="/v2/x" request_protocol="HTTP/1.1" status=500 ...</c>, as OpenWhisk's API gateway writes them): taken
    /// without nginx's variable names, since the head already is an access line's. <paramref name="from"/> is where the
    /// field after the time starts; only a quoted request line or a quoted method there counts.
    /// </summary>
    public static bool TryParseAfterTime(ReadOnlySpan<char> s, int from, ref CompanionLine c)
    {
        const string RequestKey = "request=\"";
        const string MethodKey = "request_method=\"";
        var field = from < s.Length ? s[from..] : [];
        var apart = field.StartsWith(MethodKey, StringComparison.Ordinal);
        if (!apart && !field.StartsWith(RequestKey, StringComparison.Ordinal))
        {
            return false;
        }

        var request = Value(s, apart ? "request_uri" : "request", '=', ' ');
        var status = Value(s, "status", '=', ' ');
        if (!(apart ? IsMethod(s, Value(s, "request_method", '=', ' ')) && request.Length > 0 : StartsWithMethod(s, request))
            || status.Length != 3 || !AccessLineParser.HttpStatus(s, status.Start, out var code))
        {
            return false;
        }

        c.Kind = RecordKind.NginxAccess;
        c.Status = code;
        c.Message = request;
        return true;
    }

    /// <summary>Whether <paramref name="value"/> is a request line's method alone: 3 to 7 capitals.</summary>
    private static bool IsMethod(ReadOnlySpan<char> s, Segment value) =>
        value.Length is >= 3 and <= 7 && s.Slice(value.Start, value.Length).IndexOfAnyExceptInRange('A', 'Z') < 0;

    /// <summary>Whether <paramref name="request"/> opens with a method of 3 to 7 capitals and a blank.</summary>
    private static bool StartsWithMethod(ReadOnlySpan<char> s, Segment request)
    {
        var method = request.Length <= 0 ? -1 : s.Slice(request.Start, request.Length).IndexOfAnyExceptInRange('A', 'Z');
        return method is >= 3 and <= 7 && s[request.Start + method] == ' ';
    }

    /// <summary>Labels of nginx's timing and upstream variables in a format of <c>label: value</c> fields joined by <c> | </c>.</summary>
    private static readonly SearchValues<string> LabelledTimingKeys = SearchValues.Create(
        ["| urt: ", "| rt: ", "| request_time: ", "| upstream_response_time: ", "| upstream_status: ", "| upstream_addr: "],
        StringComparison.Ordinal);

    /// <summary>
    /// A format of fields joined by <c> | </c>, some written <c>label: value</c> (<c>[$time_local] $remote_addr -&gt;
    /// $upstream_addr | $scheme $request | urt: $upstream_response_time msec | rt: $request_time msec | status: $status</c>):
    /// the status behind its label when a timing label stands in the line too. The request is the field holding a request
    /// line's protocol, when there is one.
    /// </summary>
    private static bool TryParseLabelledFields(ReadOnlySpan<char> s, ref CompanionLine c)
    {
        var label = s.IndexOf("| status: ", StringComparison.Ordinal);
        var digits = label + 10;
        if (label < 0 || !AccessLineParser.HttpStatus(s, digits, out var code)
            || (digits + 3 < s.Length && s[digits + 3] is not (' ' or '|')) || s.IndexOfAny(LabelledTimingKeys) < 0)
        {
            return false;
        }

        var protocol = s.IndexOf(" HTTP/", StringComparison.Ordinal);
        var start = protocol < 0 ? -1 : s[..protocol].LastIndexOf("| ", StringComparison.Ordinal);
        var end = protocol < 0 ? -1 : s[protocol..].IndexOf(" |", StringComparison.Ordinal);
        c.Kind = RecordKind.NginxAccess;
        c.Status = code;
        c.Message = start >= 0 && end > 0 ? Segment.Between(start + 2, protocol + end) : Segment.Between(label + 2, digits + 3);
        return true;
    }

    /// <summary>
    /// The value of the first <c>key</c> + <paramref name="mark"/> that opens the line or follows <paramref name="blank"/>:
    /// a quoted value without its quotes, or a bare one up to the next blank (a sentence's full stop after it dropped).
    /// <see cref="Segment.None"/> when absent.
    /// </summary>
    private static Segment Value(ReadOnlySpan<char> s, string key, char mark, char blank)
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
            if ((at == 0 || s[at - 1] == blank) && s.Length > at + key.Length && s[at + key.Length] == mark)
            {
                break;
            }

            at += key.Length;
        }

        var start = at + key.Length + 1;
        if (start < s.Length && s[start] == '"')
        {
            var close = s[(start + 1)..].IndexOf('"');
            return close < 0 ? Segment.None : Segment.Between(start + 1, start + 1 + close);
        }

        var end = s[start..].IndexOf(blank);
        var value = end < 0 ? s[start..] : s.Slice(start, end);
        return Segment.Between(start, start + value.TrimEnd(".,;").Length);
    }
}
