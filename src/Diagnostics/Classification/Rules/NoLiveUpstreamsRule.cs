using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>B1 <c>no live upstreams</c>: every member of the upstream block is marked failed or down; never retried (502).</summary>
public sealed class NoLiveUpstreamsRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        if (!RuleContext.Message(text, line).StartsWith("no live upstreams", StringComparison.Ordinal))
        {
            verdict = default;
            return false;
        }

        verdict = new Verdict(Causes.NoLiveUpstreams, 502);
        return true;
    }
}
