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

    private static JsonDocument Run(out IReadOnlyList<LogRecord> expected, string lines = Lines)
    {
        using var output = new MemoryStream();
        var diagnosis = DiagnosisEngine.Analyze(lines, 2026);
        using (var writer = new JsonReportWriter(output))
        {
            var analyzer = new LogAnalyzer(2026, writer);
            DiagnosisEngine.ForEachLine(lines, analyzer.AddLine);
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

    [Fact]
    public void RecordsSharingHeadsAndVerdicts_EachReadBackAsItsOwnFields()
    {
        // The writer copies the JSON of a head (message, errno, action) and of a verdict it has written before: the same
        // heads at other offsets, levels and kinds, and the same verdicts on other heads, must still read back as their own.
        string[] heads =
        [
            "connect() failed (111: Connection refused) while connecting to upstream",
            "upstream timed out (110: Connection timed out) while reading response header from upstream",
            "upstream prematurely closed connection while reading response header from upstream",
            "recv() failed (104: Connection reset by peer) while reading response header from upstream",
            "client prematurely closed connection while reading client request body",
        ];
        var log = new System.Text.StringBuilder();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (head, i) in heads.Select((h, i) => (h, i)))
            {
                var level = (round + i) % 2 == 0 ? "error" : "info";
                var cid = new string('7', round + i + 1);
                log.Append($"2026/11/21 13:41:1{round} [{level}] 1#1: *{cid} {head}, client: 10.0.0.{i}, server: s{round}, request: \"GET /{i} HTTP/1.1\", upstream: \"http://127.0.0.1:80{i}{round}/\", host: \"h\"\n");
                log.Append($"2026/11/21 13:41:1{round} [error] 1#1: *{cid}9 {head}, client: 10.0.0.{i}, server: 0.0.0.0:443, upstream: \"127.0.0.1:80{i}{round}\", bytes from/to client:0/0, bytes from/to upstream:0/0\n");
            }
        }

        using var doc = Run(out var expected, log.ToString());
        var records = doc.RootElement.GetProperty("records").EnumerateArray().ToList();
        Assert.Equal(expected.Count, records.Count);
        Assert.Equal(30, records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var (e, r) = (expected[i], records[i]);
            Assert.Equal(e.Kind is RecordKind.NginxStream ? "nginx_stream" : "nginx", r.GetProperty("kind").GetString());
            Assert.Equal(e.Cause, r.GetProperty("cause").GetString());
            Assert.Equal(e.Status, r.GetProperty("status").ValueKind == JsonValueKind.Null ? null : r.GetProperty("status").GetInt32());
            Assert.Equal(e.Level, r.GetProperty("level").GetString());
            Assert.Equal(e.ConnectionId, r.GetProperty("cid").GetInt64());
            Assert.Equal(e.Message, r.GetProperty("message").GetString());
            Assert.Equal(e.Errno, r.TryGetProperty("errno", out var n) ? n.GetInt32() : null);
            Assert.Equal(e.ErrnoText, r.TryGetProperty("errno_text", out var t) ? t.GetString() : null);
            Assert.Equal(e.Action, r.GetProperty("action").GetString());
            Assert.Equal(e.Client, r.GetProperty("client").GetString());
        }

        // Not one verdict for all: the contexts above do change causes and statuses.
        Assert.True(expected.Select(e => (e.Cause, e.Status)).Distinct().Count() >= 6);
        Assert.Contains(expected, e => e.Kind == RecordKind.NginxStream);
    }

    [Fact]
    public void QuoteThatDroppedTheErrnoNumber_KeepsItsTextWithoutANumber()
    {
        // The writer kept the errno's text and dropped "(54: ...)": the record is read, but no number is made up.
        using var doc = Run(out var expected, "kevent() ... Connection reset by peer while reading response header from upstream, upstream: \"http://127.0.0.1:8001/index.php\"\n");
        var record = Assert.Single(doc.RootElement.GetProperty("records").EnumerateArray());
        Assert.Equal("connection_reset", record.GetProperty("cause").GetString());
        Assert.False(record.TryGetProperty("errno", out _));
        Assert.Equal("Connection reset by peer", record.GetProperty("errno_text").GetString());
        Assert.Null(Assert.Single(expected).Errno);
    }
}
