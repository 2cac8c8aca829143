using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Classification;

/// <summary>A rule's <see cref="INginxRule.TryClassify"/> bound to its instance: calling it skips interface dispatch.</summary>
internal delegate bool RuleMatch(ReadOnlySpan<char> text, in NginxLine line, out Verdict verdict);
