using Nginx502Bot.Diagnostics.Classification.Rules;
using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Classification;

/// <summary>
/// Gives an nginx record its cause and status: the message decides, the action refines (causes.md). Rules are tried in
/// order; the last one always matches. Stream-module lines keep the cause but carry no HTTP status.
/// </summary>
public static class NginxClassifier
{
    private static readonly INginxRule[] Rules =
    [
        new ClientAbortRule(),
        new FdExhaustionRule(),
        new NoLiveUpstreamsRule(),
        new TimeoutRule(),
        new DnsRule(),
        new ConnectRule(),
        new SocketSetupRule(),
        new PrematureCloseRule(),
        new UpstreamTlsRule(),
        new TransportReadRule(),
        new TransportWriteRule(),
        new UpstreamSentRule(),
        new FastcgiStderrRule(),
        new RateLimitRule(),
        new NotUpstreamRule(),
    ];

    /// <summary>The rules as bound delegates: one call site for fifteen rule types makes interface dispatch costly.</summary>
    private static readonly RuleMatch[] Matchers = Array.ConvertAll(Rules, rule => (RuleMatch)rule.TryClassify);

    public static Verdict Classify(ReadOnlySpan<char> text, in NginxLine line)
    {
        foreach (var match in Matchers)
        {
            if (match(text, line, out var verdict))
            {
                return line.IsStream ? verdict with { Status = null } : ForSubrequest(line, verdict);
            }
        }

        throw new InvalidOperationException("the fallback rule always matches");
    }

    /// <summary>
    /// A failing subrequest never reaches the client as 502/504: auth_request turns any unexpected subrequest status
    /// into 500 (ngx_http_auth_request_module.c), and the subrequests of SSI or mirror do not decide the main status.
    /// auth_request is the one that shows in 502 hunts, so its 500 is the most likely status.
    /// </summary>
    private static Verdict ForSubrequest(in NginxLine line, Verdict verdict) =>
        line.Subrequest.IsPresent && verdict.Status is 502 or 504 ? verdict with { Status = 500 } : verdict;
}
