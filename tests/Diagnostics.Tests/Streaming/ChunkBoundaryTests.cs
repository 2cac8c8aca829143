using System.Text;
using Nginx502Bot.Diagnostics.Analysis;

namespace Nginx502Bot.Diagnostics.Tests.Streaming;

/// <summary>Where the report may cut a file for its cores: never inside a record, never after a held PHP fatal.</summary>
public class ChunkBoundaryTests
{
    private const string Plain = "2026/11/21 13:41:14 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 1.2.3.4, server: a, request: \"GET / HTTP/1.1\", upstream: \"http://127.0.0.1:8000/\", host: \"a\"\n";
    private const string FastcgiHead = "2026/11/21 13:41:14 [error] 1#1: *2 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  boom\n";
    private const string FastcgiTail = "PHP message: more\" while reading response header from upstream, client: 1.2.3.4, server: a, request: \"GET / HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:9000\", host: \"a\"\n";

    private static int Find(string s) => ChunkBoundary.Find(Encoding.UTF8.GetBytes(s));

    [Fact]
    public void WindowStartingInsideAFastcgiRecord_CutsAfterTheNextWholeOneLineRecord()
    {
        // The window opens mid-line in the FastCGI head: its tail, a FastCGI record again, then plain records. The first
        // plain record is followed by a record start: the cut goes there.
        var window = "ror] x\n" + FastcgiTail + FastcgiHead + FastcgiTail + Plain + Plain + Plain;
        var expected = window.Length - (2 * Plain.Length);
        Assert.Equal(expected, Find(window));
    }

    [Fact]
    public void LineAfterAFastcgiRecord_IsNotACut_EvenWhenItStartsARecord()
    {
        // A one-line FastCGI fatal is held by the analyzer until the next record: the cut goes one record later.
        var oneLineFastcgi = FastcgiHead.TrimEnd('\n') + "\" while reading response header from upstream, client: 1.2.3.4, server: a\n";
        var window = "x\n" + oneLineFastcgi + Plain + Plain;
        Assert.Equal(window.Length - Plain.Length, Find(window));
    }

    [Fact]
    public void GrpcSummaryLine_IsNotCutFromTheParsersLine()
    {
        // ngx_http_grpc_process_header writes the bare "upstream sent invalid header" right after the parser's own line of
        // the same attempt: one client status for the two, so the cut goes after the summary.
        const string grpc = "2026/11/22 06:14:46 [error] 8015#8015: *64 {0} while reading response header from upstream, client: 127.0.0.1, server: lab.local, request: \"GET /g HTTP/1.1\", upstream: \"grpc://127.0.0.1:44011\", host: \"h\"\n";
        var parser = string.Format(System.Globalization.CultureInfo.InvariantCulture, grpc, "upstream sent invalid http2 table index: 62");
        var summary = string.Format(System.Globalization.CultureInfo.InvariantCulture, grpc, "upstream sent invalid header");
        var window = "x\n" + parser + summary + Plain + Plain;
        Assert.Equal(window.Length - (2 * Plain.Length), Find(window));
    }

    [Fact]
    public void SafeFirstLineStart_IsKept()
    {
        // The split point falls inside the first plain record: the next line start is already a safe cut.
        var window = Encoding.UTF8.GetBytes("x\n" + Plain + Plain + Plain);
        Assert.Equal(2 + Plain.Length, ChunkBoundary.Find(window, from: 5));
    }

    [Theory]
    [InlineData("no newline at all", -1)]
    [InlineData("tail of a line\nweb_1  | compose line\nweb_1  | another\n", 15)]
    public void WithoutNginxRecords_TheFirstLineStartIsTheCut(string window, int expected) => Assert.Equal(expected, Find(window));
}
