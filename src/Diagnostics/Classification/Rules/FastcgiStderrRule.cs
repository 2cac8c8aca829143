using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// F7 <c>FastCGI sent in stderr: "..."</c>: informational by itself; the text decides. PHP fatal errors (PHP answers 500,
/// or 502 when the worker dies), <c>Primary script unknown</c> (PHP-FPM's own 404), denied extensions (403).
/// </summary>
public sealed class FastcgiStderrRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        var m = RuleContext.Message(text, line);
        if (!m.StartsWith("FastCGI sent in stderr", StringComparison.Ordinal))
        {
            verdict = default;
            return false;
        }

        var body = RuleContext.BodyPhase(text, line);
        if (CompanionLineParser.IsPhpFatal(m))
        {
            verdict = new Verdict(Causes.PhpFatal, body ? null : 500);
        }
        else if (m.Contains("Primary script unknown", StringComparison.Ordinal) || m.Contains("Unable to open primary script", StringComparison.Ordinal))
        {
            verdict = new Verdict(Causes.FastcgiScriptNotFound, 404);
        }
        else if (m.Contains("Access to the script", StringComparison.Ordinal) && m.Contains("has been denied", StringComparison.Ordinal))
        {
            verdict = new Verdict(Causes.NotAnUpstreamError, 403);
        }
        else
        {
            verdict = new Verdict(Causes.NotAnUpstreamError, null);
        }

        return true;
    }
}
