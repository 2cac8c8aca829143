using System.Text.Json;
using Nginx502Bot.Bot.Cli.Diagnose;
using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Bot.Tests.Cli.Diagnose;

/// <summary>The streamed <c>records</c> array of <c>diagnose --json</c>: valid JSON whose values read back as the log text.</summary>
public class JsonReportWriterTests
{
    private const string Lines =
        "2026/11/21 13:41:14 [error] 1#1: *15 upstream sent invalid header: \"X-B\\x01\" <&> while reading response header from upstream, client: 127.0.0.1, server: caf\u00e9.example, request: \"GET /a?b=\"c\"&d HTTP/1.1\", upstream: \"http://127.0.0.1:8000/a?b=\"c\"&d\", host: \"h\"\n" +
        "2026/11/21 13:41:15 [error] 1#1: *16 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  boom\nsecond line \ud83d\ude00\" while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET / HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php-fpm.sock:\", host: \"a\"\n" +
        "web_1  | not an nginx line \u0007 with a bell\n";

    private static JsonDocument Run(out IReadOnlyList<LogRecord> expected)
    {
        using var output = new MemoryStream();
        var diagnosis = DiagnosisEngine.Analyze(Lines, 2026);
        using (var writer = new JsonReportWriter(output))
        {
            var analyzer = new LogAnalyzer(2026, writer);
            DiagnosisEngine.ForEachLine(Lines, analyzer.AddLine);
            analyzer.Complete();
            writer.Finish(analyzer.BuildFindings(), analyzer.RecordCount, analyzer.UpstreamFailureCount);
        }

        expected = diagnosis.Records;
        return JsonDocument.Parse(output.ToArray());
    }

    [Fact]
    public void Records_ReadBackAsTheirFields_WithQuotesControlAndNonAsciiText()
    {
        using var doc = Run(out var expected);
        var records = doc.RootElement.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(expected.Count, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var (e, r) = (expected[i], records[i]);
            Assert.Equal(e.Line, r.GetProperty("line").GetInt32());
            Assert.Equal(e.Cause, r.GetProperty("cause").GetString());
            Assert.Equal(e.Message, r.TryGetProperty("message", out var m) ? m.GetString() : null);
            Assert.Equal(e.Request, r.TryGetProperty("request", out var q) ? q.GetString() : null);
            Assert.Equal(e.Server, r.TryGetProperty("server", out var s) ? s.GetString() : null);
            Assert.Equal(e.Origin, r.TryGetProperty("origin", out var o) ? o.GetString() : null);
        }

        Assert.Equal(2, records[1].GetProperty("lines").GetInt32());
        Assert.Equal(expected.Count, doc.RootElement.GetProperty("summary").GetProperty("records").GetInt32());
        Assert.NotEmpty(doc.RootElement.GetProperty("findings").EnumerateArray());
    }
}
