using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>Entry point for bounded input (a paste, an agent's log excerpt): parse, classify and group in one call.</summary>
public static class DiagnosisEngine
{
    /// <summary>
    /// Analyses error-log text: nginx lines and companion lines, in any envelope (syslog, container, JSON). Never throws
    /// on bad input; what it cannot place is <c>not_an_upstream_error</c>.
    /// </summary>
    /// <param name="text">The log text.</param>
    /// <param name="defaultYear">Year for timestamps that carry none (syslog); defaults to the year of the first nginx record or 1.</param>
    public static Diagnosis Analyze(string text, int defaultYear = 0)
    {
        var sink = new CollectingSink();
        var analyzer = new LogAnalyzer(defaultYear > 0 ? defaultYear : GuessYear(text), sink);
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            analyzer.AddLine(line);
        }

        analyzer.Complete();
        return new Diagnosis { Records = sink.Records, Findings = analyzer.BuildFindings() };
    }

    private static int GuessYear(string text)
    {
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            var i = line.IndexOf('/');
            if (i >= 4 && Parsing.NginxLineParser.Digits(line, i - 4, 4, out var year) && year > 1990)
            {
                return year;
            }
        }

        return 1;
    }

    private sealed class CollectingSink : IRecordSink
    {
        public List<LogRecord> Records { get; } = [];

        public void OnRecord(in RecordView record) => Records.Add(record.ToLogRecord());
    }
}
