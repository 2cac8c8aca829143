using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Tests.Streaming;

/// <summary>The JSON output runs behind a background sink: it must see what a direct sink sees, in the same order.</summary>
public class BackgroundRecordSinkTests
{
    private static readonly string[] Lines =
    [
        "2026/11/21 13:41:14 [error] 6087#6087: *{0} connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: test.local, request: \"GET /r{0} HTTP/1.1\", upstream: \"http://127.0.0.1:18999/r\", host: \"h\"",
        "2026/11/21 13:41:15 [error] 1#1: *{0} FastCGI sent in stderr: \"PHP message: PHP Fatal error:  x{0}\" while reading response header from upstream, client: 127.0.0.1, server: , request: \"GET /x.php HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"x\"",
        "[21-Nov-2026 13:42:01] WARNING: [pool www] child {0} exited on signal 9 (SIGKILL) after 12.3 seconds from start",
        "line {0} that is no log record at all",
    ];

    [Fact]
    public void ManyRecords_ReachTheInnerSinkInOrder_AsADirectSinkSeesThem()
    {
        var direct = new CollectingSink();
        Analyze(direct);

        var collected = new CollectingSink();
        using (var background = new BackgroundRecordSink(collected))
        {
            Analyze(background);
            background.Complete();
        }

        Assert.Equal(20_000, direct.Records.Count);
        Assert.Equal(direct.Records, collected.Records);
    }

    [Fact]
    public void InnerSinkFailure_IsRethrownToTheAnalyzer()
    {
        using var background = new BackgroundRecordSink(new FailingSink(after: 100));
        var error = Record.Exception(() =>
        {
            Analyze(background);
            background.Complete();
        });

        Assert.IsType<IOException>(error);
    }

    private static void Analyze(IRecordSink sink)
    {
        var analyzer = new LogAnalyzer(2026, sink);
        for (var i = 0; i < 20_000; i++)
        {
            analyzer.AddLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, Lines[i % Lines.Length], i));
        }

        analyzer.Complete();
    }

    private sealed class CollectingSink : IRecordSink
    {
        public List<string> Records { get; } = [];

        public void OnRecord(in RecordView record) =>
            Records.Add($"{record.Record.Line} {record.Record.Verdict.Cause} {record.Record.Verdict.Status} {record.Record.Nginx.ConnectionId} {record.Text}");
    }

    private sealed class FailingSink(int after) : IRecordSink
    {
        private int _seen;

        public void OnRecord(in RecordView record)
        {
            if (++_seen > after)
            {
                throw new IOException("broken pipe");
            }
        }
    }
}
