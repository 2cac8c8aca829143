using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Tests.Parsing;

/// <summary>The same nginx record inside the envelopes log shippers put around it.</summary>
public class EnvelopeTests
{
    private const string Line = "2026/11/21 13:41:14 [error] 6087#6087: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: shop.example, request: \"GET /cart HTTP/1.1\", upstream: \"http://127.0.0.1:8000/cart\", host: \"shop.example\"";

    [Theory]
    [InlineData("web_1  | " + Line, "web_1")]
    [InlineData("web-1  | " + Line, "web-1")]
    [InlineData("<27>Nov 21 13:41:14 web01 nginx: " + Line, "web01")]
    [InlineData("Nov 21 13:41:14 web01 nginx[6087]: " + Line, "web01")]
    [InlineData("<27>1 2026-11-21T13:41:14.123Z web01 nginx 6087 - - " + Line, "web01")]
    [InlineData("2026-11-21T13:41:14.123456+00:00 web01 nginx: " + Line, "web01")]
    [InlineData("2026-11-21T13:41:14.123456789Z stderr F " + Line, null)]
    [InlineData("[pod/web-7d4/nginx] " + Line, null)]
    public void WrappedLine_IsUnwrappedAndClassified(string wrapped, string? origin)
    {
        var r = Assert.Single(DiagnosisEngine.Analyze(wrapped).Records);
        Assert.Equal("upstream_down", r.Cause);
        Assert.Equal(502, r.Status);
        Assert.Equal("127.0.0.1:8000", r.UpstreamTarget);
        Assert.Equal("shop.example", r.Server);
        Assert.Equal(origin, r.Origin);
    }

    [Fact]
    public void ComposePrefix_BarWithinEightyCharacters_IsUnwrapped_PastThemIsNot()
    {
        // The bar may stand up to 80 characters in (a long service name and its padding), not further.
        var atLimit = "web_1" + new string(' ', 75) + " | " + Line;
        var pastLimit = "web_1" + new string(' ', 76) + " | " + Line;

        var r = Assert.Single(DiagnosisEngine.Analyze(atLimit).Records);
        Assert.Equal("upstream_down", r.Cause);
        Assert.Equal("web_1", r.Origin);
        Assert.Null(Assert.Single(DiagnosisEngine.Analyze(pastLimit).Records).Origin);
    }

    [Fact]
    public void ComposeEmptyLine_GivesNoRecord() => Assert.Empty(DiagnosisEngine.Analyze("web_1  |").Records);

    [Fact]
    public void DockerJsonLine_IsUnescaped()
    {
        var json = "{\"log\":\"" + Line.Replace("\"", "\\\"") + "\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-21T13:41:14.1Z\"}";
        var r = Assert.Single(DiagnosisEngine.Analyze(json).Records);
        Assert.Equal("upstream_down", r.Cause);
        Assert.Equal("GET /cart HTTP/1.1", r.Request);
    }

    [Fact]
    public void KubernetesJsonWithMessageKey_IsUnwrapped()
    {
        var json = "{\"stream\":\"stderr\",\"message\":\"" + Line.Replace("\"", "\\\"") + "\",\"kubernetes\":{\"pod_name\":\"web\"}}";
        Assert.Equal("upstream_down", Assert.Single(DiagnosisEngine.Analyze(json).Records).Cause);
    }

    [Theory]
    // A pretty-printed object's member line (a shipper's sample, a CI step's JSON dump), the comma after it or not.
    [InlineData("\t\"log\":\"{0}\",")]
    [InlineData("    \"message\": \"{0}\"")]
    public void PrettyPrintedJsonMemberLine_IsUnescaped(string template)
    {
        var member = template.Replace("{0}", Line.Replace("\"", "\\\""), StringComparison.Ordinal);
        var r = Assert.Single(DiagnosisEngine.Analyze(member).Records);
        Assert.Equal(("upstream_down", (int?)502, "GET /cart HTTP/1.1"), (r.Cause, r.Status, r.Request));
    }

    [Fact]
    public void PrettyPrintedJsonMemberLine_OfAHealthCheck_HasNoStatus()
    {
        const string member = "\t\"log\":\"2021/05/12 12:19:36 [error] 7#7: *8192 upstream timed out (110: Connection timed out) while connecting to upstream, health check \\\"\\\" of peer 44.240.53.50:12345 in upstream \\\"b\\\"\",";
        var r = Assert.Single(DiagnosisEngine.Analyze(member).Records);
        Assert.Equal(("upstream_timeout_connect", (int?)null), (r.Cause, r.Status));
    }

    [Fact]
    public void RecordWithEscapedQuotesInACodeLiteral_KeepsItsSuffixFields()
    {
        const string literal = "        String tmp = \"2015/07/30 11:16:07 [error] 22120#0: *11 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.75.13.106, server: api, request: \\\"GET /profile?a=1 HTTP/1.1\\\", subrequest: \\\"/render/gateway.php\\\", upstream: \\\"fastcgi://127.0.0.1:9000\\\", host: \\\"api.example\\\"\";";
        var r = Assert.Single(DiagnosisEngine.Analyze(literal).Records);

        Assert.Equal(("upstream_timeout_read", "GET /profile?a=1 HTTP/1.1", "api.example"), (r.Cause, r.Request, r.Host));
        Assert.Null(r.Status);
    }

    [Fact]
    public void RecordWithEscapedQuotes_WithoutASubrequest_KeepsTheRequestsStatus()
    {
        const string literal = "let log = \"2022/09/22 20:06:54 [error] 10#10: *37 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 192.168.11.4, server: , request: \\\"GET /piyo HTTP/1.1\\\", upstream: \\\"http://127.0.0.1:8080/piyo\\\", host: \\\"192.168.11.1\\\"\");";
        var r = Assert.Single(DiagnosisEngine.Analyze(literal).Records);

        Assert.Equal(("upstream_timeout_read", (int?)504, "127.0.0.1:8080"), (r.Cause, r.Status, r.UpstreamTarget));
    }

    [Fact]
    public void MultiLineFastcgiStderr_IsOneRecordStartingOnItsFirstLine()
    {
        const string text = "2026/11/21 13:42:00 [notice] 1#1: start\n" +
            "2026/11/21 13:42:01 [error] 6087#6087: *26 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Uncaught Exception: boom in /var/www/a.php:3\n" +
            "Stack trace:\n#0 {main}\n  thrown in /var/www/a.php on line 3\" while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET /a.php HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"a\"\n" +
            "2026/11/21 13:42:02 [error] 6087#6087: *27 upstream prematurely closed connection while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET /b.php HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"a\"";
        var records = DiagnosisEngine.Analyze(text).Records;
        Assert.Equal(3, records.Count);
        var fatal = records[1];
        Assert.Equal(2, fatal.Line);
        Assert.Equal(4, fatal.LineCount);
        Assert.Equal("php_fatal", fatal.Cause);
        Assert.Equal("reading response header from upstream", fatal.Action);
        Assert.Equal("a", fatal.Server);
        Assert.Equal(6, records[2].Line);
        Assert.Equal("premature_close", records[2].Cause);
    }

    [Fact]
    public void CutLine_WithoutSuffix_IsStillClassifiedAndMarkedTruncated()
    {
        var longStderr = new string('x', 2100);
        var line = "2026/11/21 13:42:01 [error] 6087#6087: *26 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  " + longStderr;
        var r = Assert.Single(DiagnosisEngine.Analyze(line + "\n" + Line).Records.Take(1));
        Assert.Equal("php_fatal", r.Cause);
        Assert.True(r.Truncated);
    }

    [Fact]
    public void PhpFatalOnStderr_FollowedByCloseOfSameConnection_Gets502()
    {
        const string text = "2026/11/21 13:41:14 [error] 1#1: *26 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Allowed memory size exhausted in /var/www/x.php on line 3\" while reading response header from upstream, client: 127.0.0.1, server: , request: \"GET /x.php HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:9000\", host: \"x\"\n" +
            "2026/11/21 13:41:14 [error] 1#1: *26 upstream prematurely closed connection while reading response header from upstream, client: 127.0.0.1, server: , request: \"GET /x.php HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:9000\", host: \"x\"\n" +
            "2026/11/21 13:41:15 [error] 1#1: *30 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Uncaught Error\" while reading response header from upstream, client: 127.0.0.1, server: , request: \"GET /y.php HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:9000\", host: \"x\"";
        var records = DiagnosisEngine.Analyze(text).Records;
        Assert.Equal([502, 502, 500], records.Select(r => r.Status));
        Assert.Equal(RecordKind.NginxHttp, records[0].Kind);
    }

    /// <summary>Regression (lab fastcgi_to_http): raw request bytes with CR/FF/NEL inside one nginx line stay one record.</summary>
    [Fact]
    public void ControlCharactersInsideALine_DoNotSplitTheRecord()
    {
        const string text = "2026/11/21 13:41:14 [info] 1#1: *3 client sent invalid method while reading client request line, client: 127.0.0.1, server: h, request: \"\u0001\u0001\r\u000c\u0085\u2028x\"\r\n" + Line;
        var records = DiagnosisEngine.Analyze(text).Records;
        Assert.Equal(2, records.Count);
        Assert.Equal(2, records[1].Line);
        Assert.Equal("upstream_down", records[1].Cause);
    }

    [Fact]
    public void AccessLineWithHtmlEntities_KeepsItsStatus()
    {
        // A page's copy writes the quotes as &quot;: decoded, the combined shape and its status are read.
        const string html = "172.27.32.1 - - [21/Nov/2026:13:41:14 +0000] &quot;GET /cart HTTP/1.1&quot; 502 157 &quot;-&quot; &quot;curl/8.5.0&quot;";
        var r = Assert.Single(DiagnosisEngine.Analyze(html).Records);
        Assert.Equal(502, r.Status);
        Assert.Equal(DiagnosisEngine.Analyze(System.Net.WebUtility.HtmlDecode(html)).Records[0].Status, r.Status);
    }

    [Fact]
    public void LineWithOneEntityOnly_IsLeftAsItIs()
    {
        // A single &quot; quotes no field: the line is prose, and is not rewritten.
        var r = Assert.Single(DiagnosisEngine.Analyze("172.27.32.1 - - [21/Nov/2026:13:41:14 +0000] &quot;GET /cart HTTP/1.1 502 157").Records);
        Assert.Null(r.Status);
    }

    [Fact]
    public void AccessLineWithTypographicQuotes_KeepsItsStatus()
    {
        // A publishing tool's smart quotes around the request and its em dashes: straightened, the status is read.
        var r = Assert.Single(DiagnosisEngine.Analyze("10.0.0.1 — — [21/Nov/2026:13:41:14 +0000] \u201CPOST / HTTP/1.1\u201D 502 173 \u201C-\u201D \u201Ccurl/8.5.0\u201D").Records);
        Assert.Equal(502, r.Status);
    }

    [Fact]
    public void SmartQuotesWithoutARequestMethod_AreLeftAsTheyAre()
    {
        // Smart quotes after a bracket around words that open no request are a writer's prose, not an access line.
        var r = Assert.Single(DiagnosisEngine.Analyze("see [the docs] \u201Cwhy 502\u201D 502 173").Records);
        Assert.Null(r.Status);
    }

    [Fact]
    public void RecordCutIntoHighlighterSpans_IsReadWhole()
    {
        // A page's highlighter wraps the year, the level and the pid in their own tags: without them, nginx's record.
        var html = "<span class=\"line\"><span class=\"token number\">2026</span>/11/21 13:41:14 <span class=\"token punctuation\">[</span>error<span class=\"token punctuation\">]</span> "
            + "<span class=\"token number\">6087</span><span class=\"token comment\">#6087: *1 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, "
            + "server: shop.example, request: &quot;GET /cart HTTP/1.1&quot;, upstream: &quot;http://127.0.0.1:8000/cart&quot;, host: &quot;shop.example&quot;</span></span>";
        var r = Assert.Single(DiagnosisEngine.Analyze(html).Records);
        Assert.Equal("upstream_down", r.Cause);
        Assert.Equal(502, r.Status);
        Assert.Equal("GET /cart HTTP/1.1", r.Request);
    }

    [Fact]
    public void TagGluedByANoBreakSpaceEntity_IsReadAsTheRecord()
    {
        // "<pre>&nbsp;upstream timed out ...": the entity decoded to a space, the tag no longer hides the message.
        var r = Assert.Single(DiagnosisEngine.Analyze("<pre class=\"code\">&nbsp;upstream timed out (110: Connection timed out) while connecting to upstream<br />more</pre>").Records);
        Assert.Equal("upstream_timeout_connect", r.Cause);
        Assert.Equal(504, r.Status);
    }
}
