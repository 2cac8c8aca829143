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
        // A request's own upstream connect (its client suffix, or a paste that cut the suffix but kept the *CID and the
        // upstream action) gets nginx's 500; on accept no request exists yet.
        var forRequest = line.HasRequestContext || (line.ConnectionId >= 0 && RuleContext.UpstreamContext(text, line));
        verdict = new Verdict(Causes.FdExhaustion, !accepting && forRequest ? 500 : null);
        return true;
    }
}
