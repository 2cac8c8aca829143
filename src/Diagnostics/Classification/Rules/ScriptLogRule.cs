using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// A line a Lua script wrote itself (OpenResty's <c>ngx.log</c>: <c>[lua] access.lua:202: ...</c>). It may quote an
/// error text nginx also writes ("could not be resolved", "connect() failed") from one of the script's own cosockets,
/// but no upstream module request failed and the script, not nginx, decides the answer. Tried first for that reason.
/// </summary>
public sealed class ScriptLogRule : INginxRule
{
    public bool TryClassify(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict)
    {
        if (!RuleContext.Message(text, line).StartsWith("[lua] ", StringComparison.Ordinal))
        {
            verdict = default;
            return false;
        }

        verdict = new Verdict(Causes.NotAnUpstreamError, null);
        return true;
    }
}
