using System.Globalization;
using System.Text;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;
using Xunit.Abstractions;

namespace Nginx502Bot.Diagnostics.Tests.Corpus;

/// <summary>
/// The engine on real lines from public bug reports (Corpus/public-lines.txt), labelled from nginx's source text.
/// Issue 2's bar: cause accuracy ≥ 97 %, status accuracy ≥ 95 % on such lines.
/// </summary>
public class PublicCorpusTests(ITestOutputHelper output)
{
    private const double CauseTarget = 0.97;
    private const double StatusTarget = 0.95;

    public static TheoryData<int> EntryLines()
    {
        var data = new TheoryData<int>();
        foreach (var e in PublicCorpus.Entries)
        {
            data.Add(e.FileLine);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EntryLines))]
    public void PublicLine_ClassifiedAsNginxSourceSays(int fileLine)
    {
        var entry = PublicCorpus.Entries.Single(e => e.FileLine == fileLine);
        var record = Classify(entry);
        var agrees = record.Cause == entry.Cause && record.Status == entry.Status;
        if (entry.KnownMiss is not null)
        {
            // A documented miss that the engine now gets right must lose its known-miss marker.
            Assert.False(agrees, $"{entry}: the engine now agrees; remove known-miss ({entry.KnownMiss})");
            return;
        }

        Assert.True(agrees, $"{entry}: expected {entry.Cause} {ClientStatus.Format(entry.Status)}, engine said {record.Cause} {ClientStatus.Format(record.Status)}\n{entry.Text}");
    }

    [Fact]
    public void Corpus_AccuracyMeetsIssueTarget()
    {
        var entries = PublicCorpus.Entries;
        var causeHits = 0;
        var statusHits = 0;
        var report = new StringBuilder();
        foreach (var entry in entries)
        {
            var record = Classify(entry);
            causeHits += record.Cause == entry.Cause ? 1 : 0;
            statusHits += record.Status == entry.Status ? 1 : 0;
            if (record.Cause != entry.Cause || record.Status != entry.Status)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"miss {entry}: expected {entry.Cause} {ClientStatus.Format(entry.Status)}, engine {record.Cause} {ClientStatus.Format(record.Status)}");
            }
        }

        var causeAccuracy = (double)causeHits / entries.Count;
        var statusAccuracy = (double)statusHits / entries.Count;
        output.WriteLine(report.ToString());
        output.WriteLine($"{entries.Count} lines: cause accuracy {causeAccuracy:P1}, status accuracy {statusAccuracy:P1}");
        Assert.True(causeAccuracy >= CauseTarget, $"cause accuracy {causeAccuracy:P1} < {CauseTarget:P0}\n{report}");
        Assert.True(statusAccuracy >= StatusTarget, $"status accuracy {statusAccuracy:P1} < {StatusTarget:P0}\n{report}");
    }

    [Fact]
    public void OneLineEntries_OneAfterAnotherInOneInput_EachReadAsAlone()
    {
        // A collection of quoted lines is often handed over as one file, one line after another: the joins that rejoin a
        // wrapped paste must not take the next entry for the rest of the one above, or that entry's record is lost.
        var entries = OneLineEntries();
        Assert.True(entries.Count > 2000, $"only {entries.Count} one-line entries");
        var misses = MissesAsOneInput(entries);
        Assert.True(misses.Count == 0, string.Join('\n', misses));
    }

    [Fact]
    public void OneLineEntries_InShuffledOrders_AlmostAllReadAsAlone()
    {
        // Other neighbours than the file's: a few pairs nothing tells from a wrap (a cut FastCGI text and the line after
        // it) still join, 0.2 % of the entries when this test was written; a greedy join rule would show here at once.
        var entries = OneLineEntries();
        var misses = new List<string>();
        for (var seed = 1; seed <= 5; seed++)
        {
            var order = entries.ToArray();
            new Random(seed).Shuffle(order);
            misses.AddRange(MissesAsOneInput(order));
        }

        output.WriteLine($"{misses.Count} misses over 5 orders of {entries.Count} entries\n{string.Join('\n', misses)}");
        Assert.True(misses.Count <= entries.Count * 5 / 200, $"{misses.Count} misses over 5 orders of {entries.Count} entries (more than 0.5 %)\n{string.Join('\n', misses)}");
    }

    private static List<CorpusEntry> OneLineEntries() =>
        [.. PublicCorpus.Entries.Where(e => e.KnownMiss is null && !e.Text.Contains('\n'))];

    /// <summary>Each entry's own record when all are fed as one input, one a line: what is lost or read otherwise.</summary>
    private static List<string> MissesAsOneInput(IReadOnlyList<CorpusEntry> entries)
    {
        var records = DiagnosisEngine.Analyze(string.Join('\n', entries.Select(e => e.Text)), 2026).Records.ToDictionary(r => r.Line);
        var misses = new List<string>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            if (!records.TryGetValue(i + 1, out var record))
            {
                misses.Add($"line {i + 1} joined to the record above: {entry}\n  above: {entries[Math.Max(0, i - 1)].Text}");
            }
            else if (record.Cause != entry.Cause || record.Status != entry.Status)
            {
                misses.Add($"line {i + 1}: {entry}: expected {entry.Cause} {ClientStatus.Format(entry.Status)}, engine {record.Cause} {ClientStatus.Format(record.Status)} over {record.LineCount} lines");
            }
        }

        return misses;
    }

    [Fact]
    public void Corpus_IsLargeAndCoversManyFamilies()
    {
        var entries = PublicCorpus.Entries;
        Assert.True(entries.Count >= 150, $"only {entries.Count} lines");
        Assert.All(entries, e => Assert.Contains(e.Cause, Causes.All));
        var families = entries.Select(e => e.Cause).Distinct().Count();
        Assert.True(families >= 20, $"only {families} causes covered");
        Assert.True(entries.Count(e => e.Cause == Causes.NotAnUpstreamError) >= 15, "too few lines that must not be taken for upstream errors");
    }

    [Fact]
    public void Corpus_NoLineLabelledTwice()
    {
        var duplicates = PublicCorpus.Entries.GroupBy(e => e.Text, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.First().ToString());
        Assert.Empty(duplicates);
    }

    /// <summary>The engine's verdict on the entry's first record (a wrapped paste may split into several).</summary>
    private static LogRecord Classify(CorpusEntry entry) => DiagnosisEngine.Analyze(entry.Text).Records[0];
}
