using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Diagnostics.Tests.Findings;

public class FindingAggregatorTests
{
    private static string Refused(int cid, string time, string port, string path = "/twodead?x=1", string server = "test.local") =>
        $"2026/11/21 {time} [error] 1#1: *{cid} connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: {server}, request: \"GET {path} HTTP/1.1\", upstream: \"http://127.0.0.1:{port}{path}\", host: \"h\"";

    [Fact]
    public void RecordsForOneTargetAndCause_AreOneFindingWithCountsTimesAndServers()
    {
        var text = string.Join('\n', Refused(1, "13:00:00", "8000", "/a", "one.example"), Refused(2, "13:05:00", "8000", "/b?q=1", "two.example"), Refused(3, "13:01:00", "8000", "/a", "one.example"));
        var f = Assert.Single(DiagnosisEngine.Analyze(text).Findings);
        Assert.Equal("upstream_down", f.Cause);
        Assert.Equal("127.0.0.1:8000", f.Target);
        Assert.Equal(3, f.Count);
        Assert.Equal(new DateTime(2026, 11, 21, 13, 0, 0), f.FirstSeen);
        Assert.Equal(new DateTime(2026, 11, 21, 13, 5, 0), f.LastSeen);
        Assert.Equal(["one.example", "two.example"], f.Servers);
        Assert.Equal(["/a", "/b"], f.Paths);
        Assert.Equal(3, f.Statuses["502"]);
        Assert.Contains(f.Remediation, c => c.Contains(":8000", StringComparison.Ordinal));
        Assert.NotEmpty(f.ToConfirm);
    }

    [Fact]
    public void RequestFailingOnTwoMembers_CountsAsRetried_AndClientsSawOnlyTheLastAttemptsStatus()
    {
        // nginx-502-messages.md Appendix A: *15 times out on one member, then is refused by the next; the client got 502
        // ($upstream_status "504, 502"), never the 504.
        const string text = "2026/11/21 13:41:14 [error] 1#1: *15 upstream timed out (110: Connection timed out) while connecting to upstream, client: 127.0.0.1, server: , request: \"GET /tmothenref HTTP/1.1\", upstream: \"http://127.0.0.1:19106/tmothenref\", host: \"h\"\n" +
            "2026/11/21 13:41:15 [error] 1#1: *15 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: , request: \"GET /tmothenref HTTP/1.1\", upstream: \"http://127.0.0.1:18999/tmothenref\", host: \"h\"";
        var findings = DiagnosisEngine.Analyze(text).Findings;
        Assert.Equal(2, findings.Count);
        var refused = Assert.Single(findings, f => f.Cause == "upstream_down");
        Assert.Equal(1, refused.RetriedRequests);
        Assert.Equal(new Dictionary<string, int> { ["502"] = 1 }, refused.Statuses);
        var timedOut = Assert.Single(findings, f => f.Cause == "upstream_timeout_connect");
        Assert.Equal(new Dictionary<string, int> { ["retried"] = 1 }, timedOut.Statuses);
        Assert.DoesNotContain("Clients saw", timedOut.Summary, StringComparison.Ordinal);
        Assert.Contains("1 request(s) were then tried on another member: their clients got that attempt's status, not this one's.", timedOut.Facts);
    }

    [Fact]
    public void RequestFailingOnThreeMembers_IsOneClientStatus_AndOtherRequestsKeepTheirs()
    {
        // *3 is refused by 8000 and 8001, then times out on 8002 (the 504 the client got); *4 and *5, one attempt each, are
        // their own clients' 502s.
        string[] lines =
        [
            Refused(3, "13:00:00", "8000", "/a"), Refused(4, "13:00:00", "8000", "/a"), Refused(3, "13:00:00", "8001", "/a"),
            $"2026/11/21 13:00:01 [error] 1#1: *3 upstream timed out (110: Connection timed out) while connecting to upstream, client: 127.0.0.1, server: s, request: \"GET /a HTTP/1.1\", upstream: \"http://127.0.0.1:8002/a\", host: \"h\"",
            Refused(5, "13:00:01", "8001", "/a"),
        ];

        var findings = DiagnosisEngine.Analyze(string.Join('\n', lines)).Findings;

        Dictionary<string, int> StatusesOf(string port) => new(Assert.Single(findings, f => f.Target == "127.0.0.1:" + port).Statuses);
        Assert.Equal(new Dictionary<string, int> { ["502"] = 1, ["retried"] = 1 }, StatusesOf("8000"));
        Assert.Equal(new Dictionary<string, int> { ["502"] = 1, ["retried"] = 1 }, StatusesOf("8001"));
        Assert.Equal(new Dictionary<string, int> { ["504"] = 1 }, StatusesOf("8002"));
        Assert.Equal(3, findings.Sum(f => f.Statuses.Where(s => s.Key != "retried").Sum(s => s.Value)));
    }

    [Fact]
    public void ResolverFailure_CountsTheClientsStatusOnceUnderTheRequestThatWaited()
    {
        // What the lab's nginx wrote (tests/Lab/captured/resolver_unreachable.log): the resolver's own record names no
        // request; the request's "could not be resolved" is the 502 its client got.
        const string text = "2026/11/21 14:15:44 [error] 12236#12236: recv() failed (111: Connection refused) while resolving, resolver: 127.0.0.1:38663\n" +
            "2026/11/21 14:15:45 [error] 12236#12236: *46 backend.lab.test could not be resolved (110: Operation timed out), client: 127.0.0.1, server: lab.local, request: \"GET /resolver_unreachable?lab=22 HTTP/1.1\", host: \"127.0.0.1:36119\"";

        var findings = DiagnosisEngine.Analyze(text).Findings;

        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("dns_resolution", f.Cause));
        Assert.Equal(1, findings.Sum(f => f.Statuses.GetValueOrDefault("502")));
        Assert.Empty(Assert.Single(findings, f => f.Target == "127.0.0.1:38663").Statuses);
    }

    private static string Failed(int cid, string method, string message, string action, string port) =>
        $"2026/11/21 13:00:00 [error] 1#1: *{cid} {message} while {action}, client: 127.0.0.1, server: s, request: \"{method} /api HTTP/1.1\", upstream: \"http://127.0.0.1:{port}/api\", host: \"h\"";

    [Theory]
    // nginx retries a request on the next member after an error or a timeout (proxy_next_upstream's default)...
    [InlineData("GET", "upstream timed out (110: Connection timed out)", "reading response header from upstream", true)]
    [InlineData("POST", "connect() failed (111: Connection refused)", "connecting to upstream", true)]
    [InlineData("PATCH", "upstream timed out (110: Connection timed out)", "connecting to upstream", true)]
    // ...but not a POST, PATCH or LOCK it has sent (non_idempotent is not in the default), nor after an invalid or too big
    // header (invalid_header is not either): the same request line on another member is then a new request of the connection.
    [InlineData("POST", "upstream timed out (110: Connection timed out)", "reading response header from upstream", false)]
    [InlineData("LOCK", "upstream prematurely closed connection", "reading response header from upstream", false)]
    [InlineData("POST", "writev() failed (32: Broken pipe)", "sending request to upstream", false)]
    [InlineData("GET", "upstream sent too big header", "reading response header from upstream", false)]
    [InlineData("GET", "upstream sent invalid header", "reading response header from upstream", false)]
    public void SameRequestOnAnotherMember_IsARetryOnlyWhereNginxRetries(string method, string message, string action, bool retried)
    {
        var text = Failed(9, method, message, action, "8000") + "\n" + Failed(9, method, "connect() failed (111: Connection refused)", "connecting to upstream", "8001");

        var findings = DiagnosisEngine.Analyze(text).Findings;

        var first = Assert.Single(findings, f => f.Target == "127.0.0.1:8000");
        Assert.Equal(retried, first.Statuses.ContainsKey("retried"));
        Assert.Equal(retried ? 0 : 1, first.Statuses.Where(s => s.Key != "retried").Sum(s => s.Value));
        Assert.Equal(retried ? 1 : 0, Assert.Single(findings, f => f.Target == "127.0.0.1:8001").RetriedRequests);
    }

    [Fact]
    public void SameRequestAgainOnTheSameMember_IsAnotherClientsStatus()
    {
        // A keep-alive connection sending the same request again: nginx does not retry a request on the member that just
        // failed it, so both failures reached the client.
        var f = Assert.Single(DiagnosisEngine.Analyze(Refused(7, "13:00:00", "8000") + "\n" + Refused(7, "13:00:05", "8000")).Findings);

        Assert.Equal(new Dictionary<string, int> { ["502"] = 2 }, f.Statuses);
        Assert.Equal(0, f.RetriedRequests);
    }

    private static string Grpc(int cid, string message) =>
        $"2026/11/22 06:14:46 [error] 8015#8015: *{cid} {message} while reading response header from upstream, client: 127.0.0.1, server: lab.local, request: \"GET /grpc_bad_table_index?lab=31 HTTP/1.1\", upstream: \"grpc://127.0.0.1:44011\", host: \"127.0.0.1:40717\"";

    [Fact]
    public void GrpcHeaderError_AndItsSummaryLine_AreTwoRecordsOfOneClient502()
    {
        // What nginx 1.22.1 wrote in the lab (tests/Lab/captured/grpc_bad_table_index.log): the HPACK parser's line, then
        // ngx_http_grpc_process_header's summary for the same attempt.
        var text = Grpc(64, "upstream sent invalid http2 table index: 62") + "\n" + Grpc(64, "upstream sent invalid header");

        var f = Assert.Single(DiagnosisEngine.Analyze(text).Findings);

        Assert.Equal(("invalid_header", 2), (f.Cause, f.Count));
        Assert.Equal(new Dictionary<string, int> { ["502"] = 1 }, f.Statuses);
        Assert.Equal(0, f.RetriedRequests);
    }

    [Fact]
    public void GrpcHeaderErrorRepeatedOnAKeepAliveConnection_CountsEachRequest()
    {
        string[] lines =
        [
            Grpc(64, "upstream sent invalid http2 table index: 62"), Grpc(64, "upstream sent invalid header"),
            Grpc(64, "upstream sent invalid http2 table index: 62"), Grpc(64, "upstream sent invalid header"),
            Grpc(65, "upstream sent invalid header"),
        ];

        var f = Assert.Single(DiagnosisEngine.Analyze(string.Join('\n', lines)).Findings);

        Assert.Equal(5, f.Count);
        Assert.Equal(3, f.Statuses["502"]);
    }

    [Theory]
    [InlineData("[21-Nov-2026 13:42:01] WARNING: [pool www] child 4242 exited on signal 11 (SIGSEGV) after 1.0 seconds from start", "app_crash")]
    [InlineData("Nov 21 13:42:02 web01 kernel: Out of memory: Killed process 4242 (php-fpm8.2) total-vm:1kB", "oom_killed")]
    [InlineData("[2026-11-21 13:42:00 +0000] [12] [CRITICAL] WORKER TIMEOUT (pid:15)", "app_worker_timeout")]
    [InlineData("Nov 21 13:42:01 web01 systemd[1]: gunicorn.service: Main process exited, code=killed, status=9/KILL", "app_crash")]
    public void PrematureClose_WithCompanionInTheSameSeconds_GetsTheCompanionRootCause(string companion, string rootCause)
    {
        var text = "2026/11/21 13:42:01 [error] 1#1: *26 upstream prematurely closed connection while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET /x HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"a\"\n" + companion;
        var f = Assert.Single(DiagnosisEngine.Analyze(text).Findings);
        Assert.Equal("premature_close", f.Cause);
        Assert.Equal(rootCause, f.RootCause);
        Assert.Contains(f.Evidence, e => e.Cause == rootCause);
    }

    [Fact]
    public void PhpFatalThenTheWorkersDeath_IsOneClient502_CountedByTheLastRecord()
    {
        // The fatal error on FastCGI's stderr takes the 502 of the record after it (the worker died); the client got one.
        const string text = "2026/11/21 13:42:01 [error] 1#1: *26 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/app/index.php on line 12\" while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET /x HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"a\"\n" +
            "2026/11/21 13:42:01 [error] 1#1: *26 upstream prematurely closed FastCGI stdout while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET /x HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"a\"";

        var diagnosis = DiagnosisEngine.Analyze(text);

        Assert.Equal([502, 502], diagnosis.Records.Select(r => r.Status));
        Assert.Equal(new Dictionary<string, int> { ["502"] = 1 }, Assert.Single(diagnosis.Findings, f => f.Cause == "premature_close").Statuses);
        Assert.Empty(Assert.Single(diagnosis.Findings, f => f.Cause == "php_fatal").Statuses);
    }

    [Theory]
    [InlineData("[21-Nov-2026 13:42:01] WARNING: [pool www] child 4242 said into stderr: \"NOTICE: PHP message: PHP Fatal error:  Uncaught Error: Call to undefined function f() in /var/www/app/index.php:3\"", 1)]
    [InlineData("[21-Nov-2026 13:42:02 UTC] PHP Fatal error:  Uncaught Error: Call to undefined function f() in /var/www/app/index.php:3", 1)]
    // Minutes away it is another failure, and a finding of its own.
    [InlineData("[21-Nov-2026 13:52:01] WARNING: [pool www] child 4242 said into stderr: \"NOTICE: PHP message: PHP Fatal error:  Uncaught Error: Call to undefined function f() in /var/www/app/index.php:3\"", 2)]
    public void PhpFatalRelayedByNginx_AndTheBackendsOwnLogOfIt_AreOneFinding(string companion, int findings)
    {
        var text = "2026/11/21 13:42:01 [error] 1#1: *26 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Uncaught Error: Call to undefined function f() in /var/www/app/index.php:3\" while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET /x HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"a\"\n" + companion;

        var diagnosis = DiagnosisEngine.Analyze(text);

        Assert.Equal(["php_fatal", "php_fatal"], diagnosis.Records.Select(r => r.Cause));
        Assert.Equal(findings, diagnosis.Findings.Count);
        var f = diagnosis.Findings[0];
        Assert.Equal(("php_fatal", "unix:/run/php/php8.2-fpm.sock"), (f.RootCause, f.Target));
        Assert.Equal(findings == 1 ? 2 : 1, f.Evidence.Count);
    }

    [Fact]
    public void RefusedNextToASystemdUnitThatDied_CitesTheUnit()
    {
        // causes.md §2: a refused connect stays upstream_down (the unit is down); the unit's death is its evidence.
        var text = Refused(7, "13:42:01", "8000") + "\nNov 21 13:42:01 web01 systemd[1]: myapp.service: Main process exited, code=killed, status=9/KILL";

        var f = Assert.Single(DiagnosisEngine.Analyze(text).Findings);

        Assert.Equal(("upstream_down", "upstream_down"), (f.Cause, f.RootCause));
        Assert.Contains("1 app_crash record(s) (myapp.service) within 2s of these failures.", f.Facts);
    }

    [Fact]
    public void SystemdUnitThatDied_Alone_PointsAtTheUnitsJournal()
    {
        var f = Assert.Single(DiagnosisEngine.Analyze("Nov 21 13:42:01 web01 systemd[1]: myapp.service: Main process exited, code=dumped, status=11/SEGV").Findings);

        Assert.Equal(("app_crash", "myapp.service"), (f.Cause, f.Target));
        Assert.Contains("journalctl -u myapp.service --since '-1h'", f.Remediation);
    }

    [Fact]
    public void OomKillAlone_NamesTheKilledProcess()
    {
        var f = Assert.Single(DiagnosisEngine.Analyze("Nov 21 13:42:02 web01 kernel: Out of memory: Killed process 4242 (php-fpm8.2) total-vm:1kB").Findings);
        Assert.Equal("oom_killed", f.Cause);
        Assert.Contains("The kernel OOM killer killed php-fpm8.2.", f.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void CompanionMinutesAway_DoesNotRefine()
    {
        const string text = "2026/11/21 13:42:01 [error] 1#1: *26 upstream prematurely closed connection while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET /x HTTP/1.1\", upstream: \"http://127.0.0.1:8000/x\", host: \"a\"\n" +
            "[21-Nov-2026 13:52:01] WARNING: [pool www] child 4242 exited on signal 11 (SIGSEGV) after 1.0 seconds from start";
        var findings = DiagnosisEngine.Analyze(text).Findings;
        Assert.Equal("premature_close", Assert.Single(findings, f => f.Cause == "premature_close").RootCause);
        Assert.Single(findings, f => f.Cause == "app_crash");
    }

    [Fact]
    public void UnixSocketPermission_FixNamesTheSocketAndPool()
    {
        const string text = "2026/11/21 13:41:14 [crit] 1#1: *22 connect() to unix:/run/php/app.sock failed (13: Permission denied) while connecting to upstream, client: 127.0.0.1, server: app.example, request: \"GET / HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/app.sock:\", host: \"a\"";
        var f = Assert.Single(DiagnosisEngine.Analyze(text).Findings);
        Assert.Equal("unix:/run/php/app.sock", f.Target);
        Assert.Contains(f.Remediation, c => c == "ls -l /run/php/app.sock");
    }

    [Fact]
    public void NoUpstreamFailure_GivesNoFindings()
    {
        var d = DiagnosisEngine.Analyze("2026/11/21 13:41:14 [notice] 1#1: signal process started\nhello world\n");
        Assert.Empty(d.Findings);
        Assert.False(d.HasUpstreamFailure);
        Assert.Equal(2, d.Records.Count);
    }

    [Fact]
    public void RetryAfterMerge_ComparesTargetsByValue()
    {
        static FindingAggregator Fed(string text)
        {
            var analyzer = new LogAnalyzer(2026);
            DiagnosisEngine.ForEachLine(text, analyzer.AddLine);
            analyzer.Complete();
            return analyzer.Aggregator;
        }

        // The later chunk numbers its targets itself (8001 first): after the merge, *1 failing on 8001 after 8000 is a
        // retry, and *5 failing twice on 8001 is not.
        var merged = Fed(Refused(1, "13:00:00", "8000"));
        merged.Merge(Fed(Refused(9, "13:00:01", "8001") + "\n" + Refused(8, "13:00:01", "8000")));
        var analyzer = new LogAnalyzer(2026, null, merged);
        DiagnosisEngine.ForEachLine(string.Join('\n', Refused(1, "13:00:02", "8001"), Refused(5, "13:00:02", "8001"), Refused(5, "13:00:03", "8001")), analyzer.AddLine);
        analyzer.Complete();

        var findings = merged.Build();
        Assert.Equal(1, Assert.Single(findings, f => f.Target == "127.0.0.1:8001").RetriedRequests);
        Assert.Equal(0, Assert.Single(findings, f => f.Target == "127.0.0.1:8000").RetriedRequests);

        // *1's first attempt (in the first chunk) moves to retried; *8 stays its client's 502.
        Assert.Equal(new Dictionary<string, int> { ["502"] = 1, ["retried"] = 1 }, Assert.Single(findings, f => f.Target == "127.0.0.1:8000").Statuses);
        Assert.Equal(new Dictionary<string, int> { ["502"] = 4 }, Assert.Single(findings, f => f.Target == "127.0.0.1:8001").Statuses);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SameConnectionNumberInAnotherInput_IsAnotherRequest_AndItsRecordsSayWhichInput(bool mergedAfterwards)
    {
        // Two hosts' logs: each nginx numbers its own connections, so the second log's *1 on 8001 is its own client's 502,
        // not a retry of the first log's *1 on 8000; within the second log, *1 failing again on 8002 is a retry.
        var first = new FindingAggregator();
        var second = mergedAfterwards ? new FindingAggregator() : first;
        Feed(first, 0, Refused(1, "13:00:00", "8000"));
        Feed(second, 1, Refused(1, "13:00:01", "8001") + "\n" + Refused(1, "13:00:01", "8002"));
        if (mergedAfterwards)
        {
            first.MergeInput(second);
        }

        var findings = first.Build();

        Dictionary<string, int> StatusesOf(string port) => new(Assert.Single(findings, f => f.Target == "127.0.0.1:" + port).Statuses);
        Assert.Equal(new Dictionary<string, int> { ["502"] = 1 }, StatusesOf("8000"));
        Assert.Equal(new Dictionary<string, int> { ["retried"] = 1 }, StatusesOf("8001"));
        Assert.Equal(new Dictionary<string, int> { ["502"] = 1 }, StatusesOf("8002"));
        Assert.Equal([0], Assert.Single(findings, f => f.Target == "127.0.0.1:8000").Evidence.Select(e => e.Input));
        Assert.Equal([1], Assert.Single(findings, f => f.Target == "127.0.0.1:8002").Evidence.Select(e => e.Input));

        static void Feed(FindingAggregator aggregator, int input, string text)
        {
            var analyzer = new LogAnalyzer(2026, null, aggregator) { Input = input };
            DiagnosisEngine.ForEachLine(text, analyzer.AddLine);
            analyzer.Complete();
        }
    }

    [Theory]
    [InlineData(0, "php_fatal")]
    [InlineData(1, "premature_close")]
    public void PhpFatalOfTheSameConnection_ExplainsTheClose_OnlyInTheSameInput(int closeInput, string rootCause)
    {
        // web1's *26 died of a PHP fatal; in another host's log *26 is another connection, whose close it does not explain.
        var aggregator = new FindingAggregator();
        Feed(0, "2026/11/21 13:42:01 [error] 1#1: *26 FastCGI sent in stderr: \"PHP message: PHP Fatal error:  Allowed memory size of 134217728 bytes exhausted (tried to allocate 20480 bytes) in /var/www/app/index.php on line 12\" while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET /x HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"a\"");
        Feed(closeInput, "2026/11/21 13:50:01 [error] 1#1: *26 upstream prematurely closed FastCGI stdout while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET /y HTTP/1.1\", upstream: \"fastcgi://unix:/run/php/php8.2-fpm.sock:\", host: \"a\"");

        Assert.Equal(rootCause, Assert.Single(aggregator.Build(), f => f.Cause == "premature_close").RootCause);

        void Feed(int input, string text)
        {
            var analyzer = new LogAnalyzer(2026, null, aggregator) { Input = input };
            DiagnosisEngine.ForEachLine(text, analyzer.AddLine);
            analyzer.Complete();
        }
    }

    [Fact]
    public void ManyTargetsAndCausesInterleaved_AreEachTheirOwnFinding()
    {
        // More (target, cause) pairs than the aggregator's table of recent findings has slots, in an order that revisits
        // every pair often: a pair answered from the table must still be counted under its own target and cause.
        var lines = new List<string>();
        for (var round = 0; round < 3; round++)
        {
            for (var port = 0; port < 400; port++)
            {
                lines.Add(Refused(lines.Count, "13:00:00", (9000 + port).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                lines.Add($"2026/11/21 13:00:01 [error] 1#1: *{lines.Count} upstream timed out (110: Connection timed out) while connecting to upstream, client: 127.0.0.1, server: s, request: \"GET /t HTTP/1.1\", upstream: \"http://127.0.0.1:{9000 + port}/t\", host: \"h\"");
            }
        }

        var findings = DiagnosisEngine.Analyze(string.Join('\n', lines)).Findings;
        Assert.Equal(800, findings.Count);
        Assert.All(findings, f => Assert.Equal(3, f.Count));
        Assert.Equal(400, findings.Where(f => f.Cause == "upstream_down").Select(f => f.Target).Distinct().Count());
        Assert.Equal(400, findings.Where(f => f.Cause == "upstream_timeout_connect").Select(f => f.Target).Distinct().Count());
        Assert.All(findings, f => Assert.All(f.Evidence, e => Assert.Equal(f.Target, e.UpstreamTarget)));
    }
}
