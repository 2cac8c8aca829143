using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// R1, F6, K11: the backend closed before a complete header (<c>upstream prematurely closed connection</c>,
/// <c>... FastCGI stdout</c>, gRPC <c>... stream</c>): 502, or a cut response in the body phase.
/// <c>upstream prematurely closed FastCGI request</c> only happens after the header was sent.
/// </summary>
public sealed class PrematureCloseRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        if (m.StartsWith("upstream prematurely closed FastCGI request", StringComparison.Ordinal))
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
