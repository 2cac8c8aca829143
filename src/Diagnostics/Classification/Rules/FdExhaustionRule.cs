using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// Out of descriptors or connections: <c>socket() failed (24: ...)</c> (500), <c>accept4() failed (24: ...)</c> (no request),
/// <c>N worker_connections are not enough</c>, <c>the new socket has number N, but only M files are available</c>.
/// </summary>
public sealed class FdExhaustionRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        var exhausted = line.Errno == Errno.TooManyOpenFiles
            || m.EndsWith("worker_connections are not enough", StringComparison.Ordinal)
            || m.StartsWith("the new socket has number", StringComparison.Ordinal);
        if (!exhausted)
        {
            verdict = default;
            return false;
        }

        var accepting = m.StartsWith("accept", StringComparison.Ordinal);
        verdict = new Verdict(Causes.FdExhaustion, !accepting && line.HasRequestContext ? 500 : null);
        return true;
    }
}
