using System.Runtime.CompilerServices;
using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Classification;

/// <summary>
/// <see cref="NginxClassifier.Classify"/> with a small per-thread memo: a log repeats a few dozen distinct messages
/// millions of times, and the verdict depends only on what <see cref="VerdictKey"/> holds (the message, the action and
/// a handful of facts about the record), so a repeat is one hash and one comparison instead of sixteen rules.
/// A record the key cannot describe (long messages, or text the rules may search whole) goes to the rules every time.
/// </summary>
public static class MemoisedClassifier
{
    [ThreadStatic]
    private static VerdictCache? _cache;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Verdict Classify(ReadOnlySpan<char> text, in NginxLine line)
    {
        if (!VerdictKey.TryCreate(text, line, out var key))
        {
            return NginxClassifier.Classify(text, line);
        }

        var cache = _cache ??= new VerdictCache();
        if (cache.TryGet(text, line, key, out var verdict))
        {
            return verdict;
        }

        verdict = NginxClassifier.Classify(text, line);
        cache.Set(text, line, key, verdict);
        return verdict;
    }
}
