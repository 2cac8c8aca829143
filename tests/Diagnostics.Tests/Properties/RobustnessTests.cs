using System.Diagnostics;
using System.Text;
using Nginx502Bot.Diagnostics.Analysis;

namespace Nginx502Bot.Diagnostics.Tests.Properties;

/// <summary>Arbitrary bytes and mutated real lines never throw, and cost time linear in their length.</summary>
public class RobustnessTests
{
    private static readonly string[] Seeds =
    [
        "2026/11/21 13:41:14 [error] 6087#6087: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: test.local, request: \"GET /refused?x=1 HTTP/1.1\", upstream: \"http://127.0.0.1:18999/refused?x=1\", host: \"127.0.0.1:18080\", referrer: \"http://ref.example/\"",
        "2026/11/21 13:41:14 [error] 1#1: *26 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  x\" while reading response header from upstream, client: 127.0.0.1, server: , request: \"GET /x.php HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"x\"",
        "<27>Nov 21 13:41:14 web01 nginx: 2026/11/21 13:41:14 [error] 1#1: *40 nonexistent.invalid could not be resolved (110: Operation timed out), client: 127.0.0.1, server: test.local, request: \"GET / HTTP/1.1\", host: \"h\"",
        "{\"log\":\"2026/11/21 13:45:00 [error] 29#29: *5 upstream sent too big header while reading response header from upstream, client: 10.1.1.1, server: a, request: \\\"GET / HTTP/1.1\\\", upstream: \\\"http://10.0.0.8:8080/\\\", host: \\\"a\\\"\\n\"}",
        "[21-Nov-2026 13:42:01] WARNING: [pool www] child 4242 exited on signal 9 (SIGKILL) after 12.3 seconds from start",
        "type=AVC msg=audit(1763732534.123:456): avc:  denied  { name_connect } for  pid=6087 comm=\"nginx\" dest=8080",
    ];

    [Fact]
    public void RandomBytes_NeverThrow()
    {
        var random = new Random(502);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 600)];
            random.NextBytes(bytes);
            AnalyzeBytes(bytes);
        }
    }

    [Fact]
    public void MutatedRealLines_NeverThrow_AndAlwaysGetAnId()
    {
        var random = new Random(2048);
        const string alphabet = "\"(),:*#[]{}\\ /\n\r\t0123456789abcz";
        for (var i = 0; i < 5000; i++)
        {
            var chars = Seeds[random.Next(Seeds.Length)].ToCharArray().ToList();
            for (var m = random.Next(1, 8); m > 0 && chars.Count > 0; m--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars.RemoveRange(at, Math.Min(chars.Count - at, random.Next(1, 40))); break;
                }
            }

            var d = DiagnosisEngine.Analyze(new string([.. chars]));
            Assert.All(d.Records, r => Assert.Contains(r.Cause, Vocabulary.Causes.All));
        }
    }

    [Theory]
    [InlineData(", client: ")]
    [InlineData(" (")]
    [InlineData(" while ")]
    [InlineData("\", host: \"")]
    [InlineData("FastCGI sent in stderr: \"")]
    public void PathologicalRepetition_CostsLinearTime(string unit)
    {
        // Each size is 8x the previous; quadratic work would show a ratio near 64, linear near 8. A busy machine can stall
        // any one measurement, so the pair is measured up to three times: quadratic work fails every time.
        var prefix = "2026/11/21 13:41:14 [error] 1#1: *1 connect() failed ";
        var smallLine = prefix + string.Concat(Enumerable.Repeat(unit, 500));
        var largeLine = prefix + string.Concat(Enumerable.Repeat(unit, 4000));
        var tries = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var small = Time(smallLine);
            var large = Time(largeLine);
            if (large < Math.Max(small, 0.2) * 32)
            {
                return;
            }

            tries.Add($"{small:F2} ms -> {large:F2} ms");
        }

        Assert.Fail($"{unit}: {string.Join("; ", tries)}");
    }

    private static double Time(string line)
    {
        var text = string.Join('\n', Enumerable.Repeat(line, 20));
        DiagnosisEngine.Analyze(text);
        var best = double.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            DiagnosisEngine.Analyze(text);
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }

        return best;
    }

    private static void AnalyzeBytes(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var analyzer = new LogAnalyzer(2026);
        new LineReader(stream).ReadAll(line => analyzer.AddLine(line));
        analyzer.Complete();
        analyzer.BuildFindings();
    }

    [Fact]
    public void OverlongLine_IsCutAndTheNextLineStillParses()
    {
        var huge = new byte[5 * 1024 * 1024];
        Array.Fill(huge, (byte)'a');
        var next = Encoding.UTF8.GetBytes("\n" + Seeds[0] + "\n");
        using var stream = new MemoryStream([.. huge, .. next]);
        var causes = new List<string>();
        var analyzer = new LogAnalyzer(2026, new Sink(causes));
        var reader = new LineReader(stream);
        reader.ReadAll(line => analyzer.AddLine(line));
        analyzer.Complete();
        Assert.Equal(["not_an_upstream_error", "upstream_down"], causes);
        Assert.Equal(1, reader.CutLines);
    }

    private sealed class Sink(List<string> causes) : IRecordSink
    {
        public void OnRecord(in Records.RecordView record) => causes.Add(record.Record.Verdict.Cause);
    }
}
