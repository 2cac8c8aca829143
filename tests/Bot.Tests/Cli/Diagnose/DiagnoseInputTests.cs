using System.Text;
using Nginx502Bot.Bot.Cli.Diagnose;

namespace Nginx502Bot.Bot.Tests.Cli.Diagnose;

/// <summary>
/// What an operator sees from <c>nginx502bot diagnose</c> on input that is not a clean log: the real executable, run as a
/// process, must answer in a line or two with the documented exit status, and never with a stack trace.
/// </summary>
public sealed class DiagnoseInputTests : IDisposable
{
    private const string Record =
        "2026/11/21 10:00:00 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: s, request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:8080/\", host: \"h\"";

    private readonly string _dir = Directory.CreateTempSubdirectory("diagnose-input-").FullName;

    [Fact]
    public void EmptyFile_SaysThereAreNoRecords()
    {
        var run = Diagnose(Write("empty.log", []));

        Assert.Equal(DiagnoseCommand.ExitClean, run.Exit);
        Assert.Contains("No log records in the input.", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void StdinIsATerminal_SaysHowToEndThePaste()
    {
        // An operator who runs `nginx502bot diagnose` bare and pastes lines: without the hint it looks hung.
        var run = BotProcess.RunInTerminal(["diagnose", "--no-color"], Encoding.ASCII.GetBytes(Record + "\n\u0004"));

        Assert.Equal(DiagnoseCommand.ExitFailuresFound, run.Exit);
        Assert.Contains(DiagnoseCommand.TerminalHint, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("stdin: 1 records, 1 upstream failure records", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("upstream_down", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void StdinIsATerminal_WithAnAgent_SaysHowToEndThePasteToo()
    {
        // The same paste for a host agent: the hint comes before the lines are read, then the agent is asked (here nothing
        // listens on the port, which the run reports after the paste ended).
        var token = Write("agent.token", Encoding.ASCII.GetBytes("secret-token\n"));
        var run = BotProcess.RunInTerminal(["diagnose", "--agent", "http://127.0.0.1:9", "--agent-token-file", token], Encoding.ASCII.GetBytes(Record + "\n\u0004"));

        Assert.Equal(DiagnoseCommand.ExitError, run.Exit);
        var hint = run.Stdout.IndexOf(DiagnoseCommand.TerminalHint, StringComparison.Ordinal);
        Assert.True(hint >= 0, run.Stdout);
        Assert.True(run.Stdout.IndexOf("did not answer", StringComparison.Ordinal) > hint, run.Stdout);
        Assert.DoesNotContain("secret-token", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryGarbage_FindsNothing_AndSaysItDoesNotLookLikeText()
    {
        var bytes = new byte[2_000_000];
        new Random(502).NextBytes(bytes);

        // A file (read on every core), a pipe, and the same bytes compressed: the notice is about what was read.
        var file = Diagnose(Write("garbage.bin", bytes));
        var piped = Diagnose("-", bytes);
        var compressed = Diagnose(Write("garbage.bin.gz", Gzip(bytes)));

        foreach (var (run, name) in new[] { (file, "garbage.bin"), (piped, "-"), (compressed, "garbage.bin.gz") })
        {
            Assert.Equal(DiagnoseCommand.ExitClean, run.Exit);
            Assert.Contains("No upstream failure found.", run.Stdout, StringComparison.Ordinal);
            Assert.Matches($@"^nginx502bot diagnose: '{System.Text.RegularExpressions.Regex.Escape(name == "-" ? "stdin" : Path.Combine(_dir, name))}' does not look like a text log \(\d+ % of its first 8 KiB are control bytes or invalid UTF-8\); it was read as one\n$", run.Stderr);
        }
    }

    [Fact]
    public void InvalidUtf8AroundRecords_StillFindsThem()
    {
        var log = new List<byte>();
        log.AddRange([0xff, 0xfe, 0xc3, (byte)'\n']);
        log.AddRange(Encoding.ASCII.GetBytes(Record));
        log.AddRange([0xc3, 0x28, (byte)'\n']);
        log.AddRange(Encoding.ASCII.GetBytes(Record.Replace("*1 ", "*2 ", StringComparison.Ordinal) + "\n"));

        var run = Diagnose(Write("mixed.log", [.. log]));

        Assert.Equal(DiagnoseCommand.ExitFailuresFound, run.Exit);
        Assert.Contains("2 upstream failure records", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("upstream_down", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void HundredMegabyteLine_IsCutAndTheRecordAfterItIsFound()
    {
        var path = Path.Combine(_dir, "long.log");
        using (var file = File.Create(path))
        {
            var chunk = Encoding.ASCII.GetBytes(new string('x', 1 << 20));
            for (var i = 0; i < 100; i++)
            {
                file.Write(chunk);
            }

            file.Write(Encoding.ASCII.GetBytes("\n" + Record + "\n"));
        }

        var run = Diagnose(path);

        Assert.Equal(DiagnoseCommand.ExitFailuresFound, run.Exit);
        Assert.Contains("1 upstream failure records", run.Stdout, StringComparison.Ordinal);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public void MissingFileAndDirectory_GetOneLineEachAndExit2()
    {
        var missing = Diagnose(Path.Combine(_dir, "nope.log"));
        var directory = Diagnose(_dir);

        Assert.Equal(DiagnoseCommand.ExitError, missing.Exit);
        Assert.Equal($"nginx502bot diagnose: cannot read '{Path.Combine(_dir, "nope.log")}': no such file", missing.Stderr.TrimEnd());
        Assert.Equal(DiagnoseCommand.ExitError, directory.Exit);
        Assert.Equal($"nginx502bot diagnose: cannot read '{_dir}': it is a directory", directory.Stderr.TrimEnd());
    }

    [Fact]
    public void FileThatFailsToRead_GetsOneLineAndExit2()
    {
        // Reading a process's memory at offset 0 fails with EIO, for root too: an unreadable file whatever the user.
        var run = Diagnose("/proc/self/mem");

        Assert.Equal(DiagnoseCommand.ExitError, run.Exit);
        Assert.StartsWith("nginx502bot diagnose: reading failed: ", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain(" at ", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void RotatedLogCompressedByLogrotate_IsReadAsItsText()
    {
        // error.log.2.gz beside error.log: recognised by gzip's magic bytes, decompressed as it is read, several gzip members
        // (a log compressed in pieces and concatenated) one after another.
        var text = Encoding.ASCII.GetBytes(Record + "\n" + Record.Replace("*1 ", "*2 ", StringComparison.Ordinal) + "\n");
        var plain = Diagnose(Write("error.log", text));
        var compressed = Diagnose(Write("error.log.2.gz", [.. Gzip(text), .. Gzip(text)]));

        Assert.Equal(DiagnoseCommand.ExitFailuresFound, compressed.Exit);
        Assert.Contains("error.log.2.gz: 4 records, 4 upstream failure records", compressed.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 records, 2 upstream failure records", plain.Stdout, StringComparison.Ordinal);
        Assert.Contains("upstream_down", compressed.Stdout, StringComparison.Ordinal);
        Assert.Equal("", compressed.Stderr);
    }

    [Fact]
    public void CompressedLogPipedIn_IsReadAsItsText_AndPlainTextPipedInStillIs()
    {
        // ssh web1 cat /var/log/nginx/error.log.2.gz | nginx502bot diagnose: standard input is peeked at, not seekable.
        var text = Encoding.ASCII.GetBytes(Record + "\n" + Record.Replace("*1 ", "*2 ", StringComparison.Ordinal) + "\n");

        var compressed = Diagnose("-", Gzip(text));
        var plain = Diagnose("-", text);
        var tiny = Diagnose("-", [(byte)'x']);

        Assert.Equal(DiagnoseCommand.ExitFailuresFound, compressed.Exit);
        Assert.Contains("stdin: 2 records, 2 upstream failure records", compressed.Stdout, StringComparison.Ordinal);
        Assert.Equal(compressed.Stdout, plain.Stdout);
        Assert.Equal((DiagnoseCommand.ExitClean, ""), (tiny.Exit, tiny.Stderr));
        Assert.Contains("stdin: 1 records", tiny.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatStartsLikeGzipButIsNot_GetsOneLineAndExit2()
    {
        var run = Diagnose(Write("fake.gz", [0x1f, 0x8b, .. Encoding.ASCII.GetBytes(Record + "\n")]));

        Assert.Equal(DiagnoseCommand.ExitError, run.Exit);
        Assert.StartsWith($"nginx502bot diagnose: '{Path.Combine(_dir, "fake.gz")}' is not valid gzip data (", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
    }

    [Fact]
    public void CompressedLogCutShort_ReportsWhatCameBeforeTheCut_SaysSoAndExits2()
    {
        // A copy interrupted, or a disk that filled while logrotate compressed: gzip's trailer never came.
        var lines = Enumerable.Range(1, 2000).Select(i => Record.Replace("*1 ", $"*{i} ", StringComparison.Ordinal)).ToArray();
        var whole = Gzip(Encoding.ASCII.GetBytes(string.Join('\n', lines) + "\n"));
        var cut = whole[..(whole.Length / 2)];
        var path = Write("error.log.3.gz", cut);

        var file = Diagnose(path);
        var piped = Diagnose("-", cut);
        var intact = Diagnose(Write("error.log.4.gz", whole));

        Assert.Equal(DiagnoseCommand.ExitError, file.Exit);
        Assert.Contains("upstream_down", file.Stdout, StringComparison.Ordinal);
        var records = int.Parse(System.Text.RegularExpressions.Regex.Match(file.Stdout, @"error\.log\.3\.gz: ([\d,]+) records").Groups[1].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(records, 1, 1999);
        Assert.Equal($"nginx502bot diagnose: '{path}' is cut short: its gzip data ends before gzip's trailer, so the records after the cut are missing\n", file.Stderr);
        Assert.Equal((DiagnoseCommand.ExitError, "nginx502bot diagnose: 'stdin' is cut short: its gzip data ends before gzip's trailer, so the records after the cut are missing\n"), (piped.Exit, piped.Stderr));
        Assert.Equal((DiagnoseCommand.ExitFailuresFound, ""), (intact.Exit, intact.Stderr));
        Assert.Contains("error.log.4.gz: 2,000 records", intact.Stdout, StringComparison.Ordinal);
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var memory = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(memory, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return memory.ToArray();
    }

    [Fact]
    public void FileThatReportsNoLength_IsReadWhole()
    {
        // Files under /proc say they are empty and are not: /proc/self/status has a line per field.
        var run = Diagnose("/proc/self/status");

        Assert.Equal(DiagnoseCommand.ExitClean, run.Exit);
        Assert.DoesNotContain("No log records", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(": 0 records", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ErrorLogAndPhpFpmLog_InEitherOrder_MakeOneFindingWithTheCrashAsItsCause(bool fpmLogFirst)
    {
        // An operator names nginx's log and PHP-FPM's: a reset in one and a worker killed in the same second in the other
        // are one failure, whichever file comes first (the first is analysed alone, the second is merged into it).
        var error = Write("error.log", Encoding.ASCII.GetBytes(
            "2026/11/21 10:00:01 [error] 811#811: *41 recv() failed (104: Connection reset by peer) while reading response header from upstream, client: 10.0.0.7, server: shop.example, request: \"GET /cart HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"shop.example\"\n"));
        var fpm = Write("php8.2-fpm.log", Encoding.ASCII.GetBytes(
            "[21-Nov-2026 10:00:01] WARNING: [pool www] child 4242 exited on signal 9 (SIGKILL) after 12.345678 seconds from start\n"));

        var run = BotProcess.Run(["diagnose", "--no-color", .. fpmLogFirst ? new[] { fpm, error } : [error, fpm]]);

        Assert.Equal(DiagnoseCommand.ExitFailuresFound, run.Exit);
        Assert.Contains("2 inputs: 2 records, 2 upstream failure records, 1 finding(s)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("app_crash (from connection_reset) — unix:/run/php/php8.2-fpm.sock", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoHostsLogs_Report_NamesTheFileOfEachEvidenceLine_AndLinksNoRequestAcrossThem()
    {
        // Two web hosts' logs: each nginx numbers its own connections, so web2's *5 is not a retry of web1's *5 (which would
        // move web1's 502 under "retried"), and "line 1" alone would not say which file to open.
        var (web1, web2) = TwoHostsLogs();

        var run = BotProcess.Run(["diagnose", "--no-color", web1, web2]);

        Assert.Equal(DiagnoseCommand.ExitFailuresFound, run.Exit);
        Assert.Contains("Nothing accepted the connection on 10.0.0.20:8080: the backend is down, or listens on another port or address. Clients saw 2× 502.", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{web1} line 1 [upstream_down, 502]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{web2} line 2 [upstream_down, 502]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{web2} line 1 [upstream_down, 502]", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoHostsLogs_Json_SaysTheInputOfEachRecordAndEvidence_AndLinksNoRequestAcrossThem()
    {
        var (web1, web2) = TwoHostsLogs();

        var run = BotProcess.Run(["diagnose", "--json", web1, web2]);

        Assert.Equal(DiagnoseCommand.ExitFailuresFound, run.Exit);
        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        var records = doc.RootElement.GetProperty("records").EnumerateArray()
            .Select(r => (r.GetProperty("input").GetString(), r.GetProperty("line").GetInt32())).ToList();
        Assert.Equal([(web1, 1), (web2, 1), (web2, 2)], records);
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("target").GetString() == "10.0.0.20:8080");
        Assert.Equal("{\"502\":2}", finding.GetProperty("statuses").GetRawText());
        var evidence = finding.GetProperty("evidence").EnumerateArray()
            .Select(e => (e.GetProperty("input").GetString(), e.GetProperty("line").GetInt32())).ToList();
        Assert.Equal([(web1, 1), (web2, 2)], evidence);
    }

    [Fact]
    public void OneInput_Json_RecordsCarryNoInputField()
    {
        var run = BotProcess.Run(["diagnose", "--json", Write("one.log", Encoding.ASCII.GetBytes(Record + "\n"))]);

        using var doc = System.Text.Json.JsonDocument.Parse(run.Stdout);
        Assert.False(doc.RootElement.GetProperty("records")[0].TryGetProperty("input", out _));
        Assert.False(doc.RootElement.GetProperty("findings")[0].GetProperty("evidence")[0].TryGetProperty("input", out _));
    }

    /// <summary>web1: *5 GET /cart refused by .20; web2: its own *5 GET /cart refused by .21, then *7 refused by .20.</summary>
    private (string Web1, string Web2) TwoHostsLogs()
    {
        const string refused = "connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.9, server: shop.example.com, request: \"GET /cart HTTP/1.1\", upstream: \"http://{0}/cart\", host: \"shop.example.com\"";
        string Line(string time, string cid, string target) =>
            $"2026/11/23 {time} [error] 811#811: *{cid} " + refused.Replace("{0}", target, StringComparison.Ordinal) + "\n";
        var web1 = Write("web1-error.log", Encoding.ASCII.GetBytes(Line("06:00:01", "5", "10.0.0.20:8080")));
        var web2 = Write("web2-error.log", Encoding.ASCII.GetBytes(
            Line("06:00:02", "5", "10.0.0.21:8080") + Line("06:00:03", "7", "10.0.0.20:8080")));
        return (web1, web2);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Runs <c>nginx502bot diagnose PATH</c>; with <paramref name="stdin"/>, PATH is "-" and the bytes are piped in.</summary>
    private static (int Exit, string Stdout, string Stderr) Diagnose(string path, byte[]? stdin = null) =>
        BotProcess.Run(["diagnose", "--no-color", path], stdin);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
