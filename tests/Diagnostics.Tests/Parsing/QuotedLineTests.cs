using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Tests.Parsing;

/// <summary>
/// nginx records quoted in prose, cut at the front, wrapped by a writer, or written by something that only looks like
/// nginx. Built here from nginx's templates (nginx-502-messages.md), not copied from the public corpus, so the
/// tolerance shown is general; the negative rows show where it stops.
/// </summary>
public class QuotedLineTests
{
    private const string Sfx = ", client: 10.0.0.1, server: shop.test, request: \"GET /cart HTTP/1.1\", upstream: \"http://10.0.0.9:8080/cart\", host: \"shop.test\"";

    [Theory]
    [InlineData("error.log : upstream prematurely closed connection while reading response header from upstream", "premature_close", 502)]
    [InlineData("I keep getting \"upstream timed out (110: Connection timed out) while reading response header from upstream\" after the deploy.", "upstream_timeout_read", 504)]
    [InlineData("(\"connect() to unix:/run/app.sock failed (2: No such file or directory) while connecting to upstream...\")", "unix_socket_missing", 502)]
    [InlineData("server log : send() failed (111: Connection refused) while resolving", "dns_resolution", 502)]
    [InlineData("502 Bad Gateway - upstream prematurely closed connection", "premature_close", 502)]
    [InlineData("the log shows \"2417 peer closed connection in SSL handshake while SSL handshaking to upstream\" each time", "upstream_tls", 502)]
    [InlineData("12 SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream.", "upstream_tls", 502)]
    [InlineData("(SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking to upstream", "upstream_tls", 502)]
    [InlineData("  - connect() to 10.0.0.9:8080 failed (99: Cannot assign requested address) while connecting to upstream", "ephemeral_port_exhaustion", 502)]
    [InlineData("# connect() failed (113: No route to host) while connecting to upstream", "no_route", 502)]
    [InlineData("it says: accept4() failed (24: Too many open files)", "fd_exhaustion", null)]
    [InlineData("Tip: a socket() failed (24: Too many open files) means the worker ran out of descriptors", "fd_exhaustion", 500)]
    [InlineData("浏览器报错，查看日志：open() \"/var/lib/nginx/proxy/1/01/0000000011\" failed (13: Permission denied) while reading upstream, client: 10.0.0.1", "response_truncated", null)]
    [InlineData("2026/11/21 10:00:57 [crit] 3468#3176: \\*307 open() \"/var/lib/nginx/proxy/3/74/0000011743\" failed (13: Permission denied) while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData("2026/11/21 10:00:57 [error] 3468#3176: *307 WriteFile() \"D:\\nginx/temp/proxy_temp/3/74/0000011743\" failed (112: There is not enough space on the disk) while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData("  - > \"/var/lib/nginx/proxy/1/01/0000000011\" failed (13: Permission denied) while reading upstream" + Sfx, "response_truncated", null)]
    [InlineData("the docs mention open() \"/srv/www/x.html\" failed (13: Permission denied) somewhere", "not_an_upstream_error", null)]
    // The errno group retyped as a colon and the errno's text, without its number: alone, with the action, and in prose.
    [InlineData("# \"connect() failed: Connection refused\"  → backend not running", "upstream_down", 502)]
    [InlineData("connect() failed: Connection refused while connecting to upstream", "upstream_down", 502)]
    [InlineData("recv() failed: Connection reset by peer while reading response header from upstream", "connection_reset", 502)]
    [InlineData("connect() failed: something went wrong while connecting to upstream", "not_an_upstream_error", 502)]
    public void MessageQuotedInProse_ClassifiedByTheMessage(string line, string cause, int? status)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    [InlineData("Host is unreachable) while connecting to upstream, client: 10.0.0.1, server: a.test", "no_route")]
    [InlineData("ingress log:<br>Connection refused) while connecting to upstream, client: 10.0.0.1, server: a.test", "upstream_down")]
    [InlineData("Connection reset by peer) while reading response header from upstream", "connection_reset")]
    public void RecordCutInsideItsErrnoGroup_ReadFromTheErrnoTextAndAction(string line, string cause)
    {
        // The cut took "connect() failed (113: " and left the group's closing parenthesis: the errno's text and the
        // upstream action still say what failed, and the header phase gives 502.
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
        Assert.Equal(502, r.Status);
    }

    [Theory]
    [InlineData("upstream timed out (110: Operation timed out) while connecting to upstream, upstream:", "upstream_timeout_connect", 504)]
    [InlineData("connect() failed (111: Connection refused) while connecting to upstream, client:", "upstream_down", 502)]
    [InlineData("upstream timed out (110: Connection timed out) while sending request to upstream, request:", "upstream_timeout_send", 504)]
    public void RecordCutAfterASuffixKey_KeepsItsAction(string line, string cause, int status)
    {
        // The writer's wrap left the key of the first suffix field on the line and moved its value to the next: the
        // action before it still names the phase.
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    [InlineData("I saw (Connection refused) while connecting to upstream")]
    [InlineData("see 111: Connection refused) while the pool restarted")]
    public void ErrnoTextInProseWithAParenthesis_StaysUnplaced(string line)
    {
        // An opening parenthesis of the writer's own, or no upstream action after the text: nothing of nginx's is left.
        Assert.Equal("not_an_upstream_error", DiagnosisEngine.Analyze(line, 2026).Records[0].Cause);
    }

    [Theory]
    [InlineData("2026/11/21 10:00:57 a81f-720p: client closed connection", "not_an_upstream_error", null)]
    [InlineData("2026/11/21 10:00:57 relay: upstream prematurely closed connection", "not_an_upstream_error", null)]
    [InlineData("2026/11/21 10:00:57 [error] 7#7: *1 upstream prematurely closed connection while reading response header from upstream" + Sfx, "premature_close", 502)]
    [InlineData("transcoder: upstream prematurely closed connection", "premature_close", 502)]
    public void GoLoggerTimeWithoutLevel_LeadInIsTheProgramsOwnWords(string line, string cause, int? status)
    {
        // Go's standard logger writes nginx's date and time with no level: the words after its lead-in are that program's
        // (a transcoder's note that a player left), not a quote of nginx's. With the level, or without the time, the
        // message is nginx's again.
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    [InlineData("  socket() [::]:443 failed (24: No file descriptors available)", null)]
    [InlineData("socket() 0.0.0.0:80 failed (24: Too many open files)", null)]
    [InlineData("> socket() failed (24: No file descriptors available) while connecting to upstream", 500)]
    public void SocketCallQuotedWithoutPrefix_ReadAsDescriptorExhaustion(string line, int? status)
    {
        // A listening address's socket() (at start-up or reload) names the address and has no request behind it; the
        // upstream connection's socket() is the request's 500.
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal("fd_exhaustion", r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    [InlineData("wrong ident 4242 response for api.internal, expect 17")]
    [InlineData("  - unexpected response for api.internal")]
    [InlineData("> unexpected DNS response for api.internal")]
    [InlineData("`DNS error (2: Server failure), query id:31337, name:\"api.internal\"`")]
    public void ResolverRefusalQuotedAlone_ReadAsTheLookupsFailure(string line)
    {
        // The resolver's own lines carry no request; quoted without nginx's prefix they are still nginx's wording, and
        // the request behind them later fails with "could not be resolved" (502).
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal("dns_resolution", r.Cause);
        Assert.Equal(502, r.Status);
    }

    [Theory]
    [InlineData("/run/php/app.sock failed (2: No such file or directory) while connecting to upstream" + Sfx, "unix_socket_missing")]
    [InlineData("failed (111: Connection refused) while connecting to upstream" + Sfx, "upstream_down")]
    [InlineData("10.0.0.9:8080 failed (110: Connection timed out) while connecting to upstream", "upstream_timeout_connect")]
    public void ConnectWithItsStartCut_ReadFromErrnoAndAction(string line, string cause)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
        Assert.Equal(502, r.Status);
    }

    /// <summary>
    /// A record quoted from its level on at the end of a long sentence, well past where the level is first looked for
    /// (round 98: InvenTree's record at character 383, its message past the 400 characters a lead-in may take, in backticks and double quotes): nginx's pid head after the level
    /// marks it. A bracketed level word in prose without that head stays prose.
    /// </summary>
    [Theory]
    [InlineData("We moved the app into a second container on the same bridge network yesterday, rebuilt both images from scratch, checked the published ports twice, restarted the host, cleared every cache we could find, compared the configuration with the one from the tutorial line by line and even tried an older release of the image, but the browser still shows a 502 page and the Nginx logs indicate: `\"[error] 31#31: *2 connect() failed (111: Connection refused) while connecting to upstream\"`", "upstream_down", 502)]
    [InlineData("We moved the app into a second container on the same bridge network yesterday, rebuilt both images from scratch, checked the published ports twice, restarted the host, cleared every cache we could find, compared the configuration with the one from the tutorial line by line, asked two colleagues to look at it and even tried an older release of the image, and now the proxy keeps logging (\"[error] 7#7: *9 upstream timed out (110: Connection timed out) while reading response header from upstream\") on every request", "upstream_timeout_read", 504)]
    [InlineData("We moved the app into a second container on the same bridge network yesterday, rebuilt both images from scratch, checked the published ports twice, restarted the host, cleared every cache we could find, compared the configuration with the one from the tutorial line by line, asked two colleagues to look at it and even tried an older release of the image, and the proxy's log level is set to [error] 31 times over in the includes, which is odd", "not_an_upstream_error", null)]
    public void RecordQuotedLateInALongSentence_ReadFromItsLevel(string line, string cause, int? status)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Theory]
    [InlineData("The deploy failed (3 times) while connecting to upstream servers")]
    [InlineData("restart failed (1: no such unit) yesterday, see journal")]
    [InlineData("someone said: upstream of the river flooded")]
    [InlineData("\"prematurely closed\" is what the app logs say")]
    [InlineData("the payment API gave an unexpected response for order 42, retrying")]
    [InlineData("payment client: unexpected response for /api/orders, retrying")]
    public void ProseThatOnlyLooksLikeARecord_StaysUnplaced(string line)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal("not_an_upstream_error", r.Cause);
        Assert.Null(r.Status);
    }

    [Theory]
    [InlineData("2026/11/21 13:41:14 [alert] 36#0: connect() failed (111: Connection refused) while logging to syslog, server: unix:/dev/log")]
    [InlineData("2026/11/21 13:41:14 [error] 9#0: connect() to unix:/var/sock/rtmp.3 failed (11: Resource temporarily unavailable)")]
    public void NginxOwnConnectWithoutARequest_IsNotAnUpstreamFailure(string line)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal("not_an_upstream_error", r.Cause);
        Assert.Null(r.Status);
    }

    [Theory]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 [lua] auth.lua:10: check(): api.internal could not be resolved (3: Host not found), client: 10.0.0.1, server: shop.test")]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 [lua] pool.lua:42: connect() failed (111: Connection refused)")]
    public void LuaScriptLogLine_IsNotAnUpstreamFailure(string line)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal("not_an_upstream_error", r.Cause);
        Assert.Null(r.Status);
    }

    [Theory]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 **upstream sent too big header while reading response header from upstream**" + Sfx, "header_too_big", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: _3 recv() failed (104: Connection reset by peer) while reading response header from upstream" + Sfx, "connection_reset", 502)]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 recv() failed (104: Connection reset by peer) while proxying upgraded connection, client: 10.0.0.1, server: shop.test", "response_truncated", null)]
    [InlineData("2026/11/21 13:41:14 [error] 7#7: *3 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::ssl/tls alert handshake failure) while SSL handshaking to upstream, client: 10.0.0.1\"", "upstream_tls", 502)]
    [InlineData("2026/11/21 13:41:14 [alert] 7#7: *3 socket() failed (24: Too many open files) while connecting to upstream,", "fd_exhaustion", 500)]
    public void WholeRecordWithPasteDamage_KeepsItsCause(string line, string cause, int? status)
    {
        var r = DiagnosisEngine.Analyze(line, 2026).Records[0];
        Assert.Equal(cause, r.Cause);
        Assert.Equal(status, r.Status);
    }

    [Fact]
    public void CompanionLineBehindDockerTimestamps_IsRecognised()
    {
        var r = Assert.Single(DiagnosisEngine.Analyze("2026-11-21T13:41:14.123456789Z [21-Nov-2026 13:41:14] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it", 2026).Records);
        Assert.Equal("fpm_pool_exhausted", r.Cause);
        Assert.Equal(RecordKind.PhpFpm, r.Kind);
    }

    [Fact]
    public void RecordWrappedBetweenWordsOfTheMessage_IsRejoined()
    {
        const string text = "2026/11/21 13:41:14 [error] 7#7: *3 upstream sent too big\nheader while reading response header from upstream, client: 10.0.0.1,\nserver: shop.test, request: \"GET /cart HTTP/1.1\"";
        var r = DiagnosisEngine.Analyze(text, 2026).Records[0];
        Assert.Equal("header_too_big", r.Cause);
        Assert.Equal(3, r.LineCount);
    }

    [Fact]
    public void RecordWrappedAfterConnectTo_KeepsTheUnixPeer()
    {
        const string text = "2026/11/21 13:41:14 [error] 7#7: *3 connect() to \nunix:/run/app/helper.sock failed (11: Resource \ntemporarily unavailable) while connecting to upstream, client: 10.0.0.1, server: ";
        var r = DiagnosisEngine.Analyze(text, 2026).Records[0];
        Assert.Equal("listen_backlog_full", r.Cause);
        Assert.Equal(502, r.Status);
    }

    [Fact]
    public void BareMessageWrappedInsideItsErrnoText_IsRejoinedUpToTheAction()
    {
        const string text = "upstream timed out (10060: A connection attempt failed because the connected\nparty did not properly respond after a period of time,\nor established connection failed because connected host has failed to respond)\nwhile connecting to upstream, client: 10.0.0.1, server: shop.test";
        var r = DiagnosisEngine.Analyze(text, 2026).Records[0];
        Assert.Equal("upstream_timeout_connect", r.Cause);
        Assert.Equal(504, r.Status);
        Assert.Equal(4, r.LineCount);
    }

    [Fact]
    public void BareMessageCutInsideItsErrnoText_IsNotJoinedToASentence()
    {
        const string text = "upstream timed out (110: Connection\nthen we raised the timeout and it went away.";
        Assert.Equal(2, DiagnosisEngine.Analyze(text, 2026).Records.Count);
    }

    [Fact]
    public void DuplicateHeaderWarningWrappedAtItsComma_KeepsItsIgnoredForm()
    {
        const string text = "upstream sent duplicate header line: \"Date: Mon, 30 Mar 2026 12:00:00 GMT\",\nprevious value: \"Date: Mon, 30 Mar 2026 12:00:00 GMT\", ignored while reading response header from upstream";
        var r = DiagnosisEngine.Analyze(text, 2026).Records[0];
        Assert.Equal("not_an_upstream_error", r.Cause);
        Assert.Null(r.Status);
        Assert.Equal(2, r.LineCount);
    }

    [Fact]
    public void DuplicateHeaderErrorWrappedAtItsComma_StaysTheRequests502()
    {
        const string text = "upstream sent duplicate header line: \"Content-Length: 3\",\nprevious value: \"Content-Length: 2\" while reading response header from upstream";
        var r = DiagnosisEngine.Analyze(text, 2026).Records[0];
        Assert.Equal("invalid_header", r.Cause);
        Assert.Equal(502, r.Status);
        Assert.Equal(2, r.LineCount);
    }

    [Fact]
    public void RecordWrappedAfterTheColonBeforeItsNumber_IsRejoined()
    {
        const string text = "2020/12/13 01:14:04 [error] 29#29: *3 upstream sent too large http2 frame:\n4740180 while reading response header from upstream, client: 172.21.0.1,\nserver: , request: \"POST /Service/Method HTTP/2.0\"";
        var r = DiagnosisEngine.Analyze(text, 2026).Records[0];
        Assert.Equal("protocol_mismatch", r.Cause);
        Assert.Equal(502, r.Status);
        Assert.Equal(3, r.LineCount);
    }

    [Fact]
    public void RecordEndingAtAColonFollowedByANumberedSentence_IsNotJoined()
    {
        const string text = "2020/12/13 01:14:04 [error] 29#29: *3 upstream sent too large http2 frame:\n42 users were affected before we rolled back";
        Assert.Equal(2, DiagnosisEngine.Analyze(text, 2026).Records.Count);
    }

    [Fact]
    public void CompleteRecordFollowedByProse_IsNotJoined()
    {
        const string text = "2026/11/21 13:41:14 [notice] 1#1: start worker processes \nthen nothing happened while connecting to upstream for minutes";
        Assert.Equal(2, DiagnosisEngine.Analyze(text, 2026).Records.Count);
    }

    [Theory]
    [InlineData("Requests fail with no resolver defined to resolve api.internal in the log after the change.", "no_resolver", 502)]
    [InlineData("We saw 502s paired with no resolver defined to resolve backend.svc whenever the variable was set.", "no_resolver", 502)]
    public void NoResolverMessageInsideASentence_IsRead(string line, string cause, int status)
    {
        // A1 carries no action to anchor it, but the text is nginx's alone when a name follows it.
        var record = Assert.Single(DiagnosisEngine.Analyze(line).Records);
        Assert.Equal(cause, record.Cause);
        Assert.Equal(status, record.Status);
    }

    [Fact]
    public void NoResolverWordsWithoutAName_StayProse()
    {
        // "... no resolver defined to resolve." names nothing nginx failed on: a sentence about the message, not one.
        var record = Assert.Single(DiagnosisEngine.Analyze("The docs say a variable needs one, or there is no resolver defined to resolve.").Records);
        Assert.NotEqual("no_resolver", record.Cause);
    }

    [Theory]
    [InlineData("Host is unreachable) while connecting to upstream" + Sfx, "no_route")]
    [InlineData("the log says<br>Connection refused) while connecting to upstream" + Sfx, "upstream_down")]
    [InlineData("> Network is unreachable) while connecting to upstream" + Sfx, "network_unreachable")]
    public void QuoteCutInsideTheErrnoGroup_ReadByTheErrnoText(string line, string cause)
    {
        // A quote that starts after the group's number keeps its closing parenthesis; the text still names the errno.
        var record = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal(cause, record.Cause);
        Assert.Equal(502, record.Status);
    }

    [Theory]
    [InlineData("refused) while connecting to upstream" + Sfx)]
    [InlineData("Something odd) while connecting to upstream" + Sfx)]
    public void CutGroupWithoutAKnownErrnoText_IsNotReadAsOne(string line)
    {
        // Only a whole errno text in nginx's spelling counts: a word cut short or a writer's own words decide nothing.
        var record = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.NotEqual("upstream_down", record.Cause);
    }

    [Theory]
    [InlineData("2026/11/21 10:00:57 [error] 7#7: *3 open() \u201C/srv/www/missing.html\u201D failed (2: No such file or directory), client: 10.0.0.1, server: shop.test, request: \u201CGET /missing.html HTTP/1.1\u201D", 404)]
    [InlineData("2026/11/21 10:00:57 [error] 7#7: *3 open() \u201C/srv/www/index.html\u201D failed (13: Permission denied), client: 10.0.0.1, server: shop.test, request: \u201CGET / HTTP/1.1\u201D", 403)]
    [InlineData("2026/11/21 10:00:57 [error] 7#7: *3 open() &quot;/srv/www/missing.html&quot; failed (2: No such file or directory), client: 10.0.0.1, server: shop.test, request: &quot;GET /missing.html HTTP/1.1&quot;", 404)]
    public void StaticOpenWithRewrittenQuotes_KeepsItsStatus(string line, int status)
    {
        // A publishing tool's smart quote or a page's entity after "open() " is the same call on a quoted path.
        var record = Assert.Single(DiagnosisEngine.Analyze(line, 2026).Records);
        Assert.Equal("not_an_upstream_error", record.Cause);
        Assert.Equal(status, record.Status);
    }
}
