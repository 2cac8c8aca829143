using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>limit_req and limit_conn (§2.M): 503 by default; dry runs and delays reject nothing.</summary>
public sealed class RateLimitRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        if (m.StartsWith("limiting requests", StringComparison.Ordinal) || m.StartsWith("limiting connections", StringComparison.Ordinal))
        {
            verdict = new Verdict(Causes.RateLimited, m.Contains("dry run", StringComparison.Ordinal) ? null : 503);
            return true;
        }

        if (m.StartsWith("delaying request", StringComparison.Ordinal))
        {
            verdict = new Verdict(Causes.RateLimited, null);
            return true;
        }

        verdict = default;
        return false;
    }
}
