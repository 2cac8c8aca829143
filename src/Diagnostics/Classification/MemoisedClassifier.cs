using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Classification;

/// <summary>
/// <see cref="NginxClassifier.Classify"/> with a small per-thread memo: a log repeats a few dozen distinct messages
/// millions of times, and the verdict depends only on what <see cref="VerdictKey"/> holds (the message, the action and
/// a handful of facts about the record), so a repeat is one hash and one comparison instead of sixteen rules.
/// A record whose head the parser shared (<see cref="NginxLine.Head"/>) is looked up by that head and the facts alone,
/// without hashing or comparing the text. A record the key cannot describe (long messages, or text the rules may search
/// whole) goes to the rules every time.
/// </summary>
public static class MemoisedClassifier
{
    [ThreadStatic]
    private static VerdictCache? _cache;

    [ThreadStatic]
    private static HeadVerdicts? _heads;

    public static Verdict Classify(ReadOnlySpan<char> text, in NginxLine line)
    {
        // With its action parsed, a record's verdict rests on the head's text and the flags only (without one, two rules
        // search the whole text: see VerdictKey.TryCreate).
        if (line.Head is not { } head || !line.Action.IsPresent)
        {
            return ClassifyByText(text, line);
        }

        var flags = VerdictKey.FlagsOf(text, line);
        var heads = _heads ??= new HeadVerdicts();
        if (heads.TryGet(head, flags, out var verdict))
        {
            return verdict;
        }

        verdict = ClassifyByText(text, line);
        heads.Set(head, flags, verdict);
        return verdict;
    }

    private static Verdict ClassifyByText(ReadOnlySpan<char> text, in NginxLine line)
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
