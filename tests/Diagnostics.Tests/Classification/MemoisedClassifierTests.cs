using Nginx502Bot.Diagnostics.Classification;
using Nginx502Bot.Diagnostics.Parsing;
using Nginx502Bot.Diagnostics.Tests.Corpus;

namespace Nginx502Bot.Diagnostics.Tests.Classification;

/// <summary>
/// The memo must never change a verdict: its key (message, action, <see cref="VerdictKey"/>) has to hold everything the
/// rules read. Checked on every corpus line, every line the lab captured, and records recombined from both (one record's
/// message with another's errno, action and suffix), so that one message meets many contexts.
/// </summary>
public sealed class MemoisedClassifierTests
{
    [Fact]
    public void EveryRecord_GetsTheRulesVerdictFromTheMemo()
    {
        var records = Records();
        Assert.True(records.Count > 5000, $"only {records.Count} records");

        // Twice, in opposite orders: the second pass is answered from the memo, filled by other records.
        foreach (var text in records.Concat(Enumerable.Reverse(records)))
        {
            Assert.True(NginxLineParser.TryParse(text, out var line));
            Assert.Equal(NginxClassifier.Classify(text, line), MemoisedClassifier.Classify(text, line));
        }
    }

    [Fact]
    public void RecordsWithTheSameKey_GetTheSameVerdictFromTheRules()
    {
        var byKey = new Dictionary<(VerdictKey, string, string), (Verdict Verdict, string Text)>();
        var keyed = 0;
        foreach (var text in Records())
        {
            if (!NginxLineParser.TryParse(text, out var line) || !VerdictKey.TryCreate(text, line, out var key))
            {
                continue;
            }

            keyed++;
            var verdict = NginxClassifier.Classify(text, line);
            var id = (key, new string(line.Message.Of(text)), new string(line.Action.Of(text)));
            if (byKey.TryGetValue(id, out var first))
            {
                Assert.True(first.Verdict == verdict, $"same key, different verdicts:\n{first.Text}\n{first.Verdict}\n{text}\n{verdict}");
            }
            else
            {
                byKey[id] = (verdict, text);
            }
        }

        // Most records must be memoised, or the memo would not pay.
        Assert.True(keyed > 5000, $"only {keyed} records keyed");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SameQuoteAfterDifferentWords_KeepsItsOwnVerdict(bool cosocketFirst)
    {
        // The same message quoted without a level: a Lua cosocket's error string ("failed to connect: ...") is the
        // script's, while the writer's own words before it leave the request's A1 (no_resolver, 502).
        string[] texts =
        [
            "failed to connect: no resolver defined to resolve \"redis.internal\"",
            "nginx says: no resolver defined to resolve \"redis.internal\"",
        ];
        if (!cosocketFirst)
        {
            Array.Reverse(texts);
        }

        foreach (var text in texts.Concat(texts))
        {
            Assert.True(NginxLineParser.TryParse(text, out var line));
            Assert.Equal(NginxClassifier.Classify(text, line), MemoisedClassifier.Classify(text, line));
        }
    }

    [Fact]
    public void LongMessage_IsNotMemoised()
    {
        var text = "2026/11/21 13:41:14 [error] 1#1: *15 FastCGI sent in stderr: \"" + new string('x', VerdictKey.MaxMessageChars)
            + "\" while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET / HTTP/1.1\", upstream: \"fastcgi://unix:/run/php.sock:\", host: \"h\"";
        Assert.True(NginxLineParser.TryParse(text, out var line));
        Assert.False(VerdictKey.TryCreate(text, line, out _));
    }

    /// <summary>
    /// Parsed nginx records: corpus, lab captures, and recombinations of the two (one record's head with another's tail,
    /// and one record's prefix with another's message and tail).
    /// </summary>
    private static List<string> Records()
    {
        var texts = PublicCorpus.Entries.Select(e => e.Text).Concat(LabLines()).ToList();
        var parsed = new List<(string Text, NginxLine Line)>();
        var scratch = new char[70_000];
        foreach (var raw in texts)
        {
            var inner = new string(LineUnwrapper.Unwrap(raw, scratch, 2026, out _));
            if (NginxLineParser.TryParse(inner, out var line))
            {
                parsed.Add((inner, line));
            }
        }

        var records = parsed.Select(p => p.Text).ToList();
        var random = new Random(502);
        for (var i = 0; i < 20_000 && parsed.Count > 1; i++)
        {
            var (headText, head) = parsed[random.Next(parsed.Count)];
            var (tailText, tail) = parsed[random.Next(parsed.Count)];
            var messageEnd = head.Message.Start + head.Message.Length;
            var tailStart = tail.Message.Start + tail.Message.Length;
            if (head.Message.IsPresent && tail.Message.IsPresent && messageEnd <= headText.Length && tailStart <= tailText.Length)
            {
                var text = string.Concat(headText.AsSpan(0, messageEnd), tailText.AsSpan(tailStart));
                if (NginxLineParser.TryParse(text, out _))
                {
                    records.Add(text);
                }

                // And the other way round: one record's words before its message (time, level, an envelope, a writer's
                // or a script's words) before another's message and the rest.
                var swapped = string.Concat(tailText.AsSpan(0, tail.Message.Start), headText.AsSpan(head.Message.Start));
                if (NginxLineParser.TryParse(swapped, out _))
                {
                    records.Add(swapped);
                }
            }
        }

        return records;
    }

    private static List<string> LabLines()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var captured = Path.Combine(dir.FullName, "tests", "Lab", "captured");
            if (Directory.Exists(captured))
            {
                return Directory.GetFiles(captured, "*.log").Order(StringComparer.Ordinal).SelectMany(File.ReadLines).ToList();
            }
        }

        throw new InvalidOperationException("tests/Lab/captured not found above " + AppContext.BaseDirectory);
    }
}
