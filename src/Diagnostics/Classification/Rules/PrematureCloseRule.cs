using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// R1, F6: the backend closed before a complete header (<c>upstream prematurely closed connection</c>,
/// <c>... FastCGI stdout</c>): 502, or a cut response in the body phase.
/// <c>upstream prematurely closed FastCGI request</c> and gRPC's <c>... stream</c> (K11) happen after the header was sent.
/// </summary>
public sealed class PrematureCloseRule : INginxRule
{
    private static readonly string[] AfterHeaderMessages =
    [
        "upstream prematurely closed FastCGI request",
        // ngx_http_grpc_filter_init and ngx_http_grpc_filter (the stream ended short of its content-length) run after
        // ngx_http_send_header, in non-buffered mode while the action still says "reading response header": the
        // client has the backend's status (nginx 1.22.1 in the lab logs 200). The one header-phase source, a 103 that
        // ends the stream, exists from 1.29.0 only.
        "upstream prematurely closed stream",
    ];

    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        if (SpanSearch.StartsWithAny(m, AfterHeaderMessages))
        {
            verdict = new Verdict(Causes.ResponseTruncated, null);
            return true;
        }

        if (m.StartsWith("upstream prematurely closed", StringComparison.Ordinal)
            || m.StartsWith("upstream closed prematurely", StringComparison.Ordinal))
        {
            verdict = RuleContext.HeaderPhase(text, line, Causes.PrematureClose, 502);
            return true;
        }

        verdict = default;
        return false;
    }
}
