using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;
using Nginx502Bot.Incidents.Lifecycle;

namespace Nginx502Bot.Incidents.Tests;

public sealed class IncidentReportFactoryTests
{
    [Fact]
    public void DiagnosisOfPaste_BecomesReportWithLogTimesInUtc()
    {
        var records = new List<LogRecord>
        {
            Record(1, 502, new DateTime(2026, 11, 20, 4, 0, 5)),
            Record(2, 502, new DateTime(2026, 11, 20, 4, 0, 1)),
            Record(3, 499, new DateTime(2026, 11, 20, 4, 0, 9)),
        };
        var diagnosis = new Diagnosis
        {
            Records = records,
            Findings =
            [
                new Finding { Cause = Causes.UpstreamDown, RootCause = RootCauses.WrongTarget, Target = "127.0.0.1:9000", Count = 2, Confidence = Confidence.Medium,
                    Statuses = new Dictionary<string, int> { ["502"] = 2 }, Summary = "php-fpm is not listening on 127.0.0.1:9000", Servers = ["shop.example.com"], Evidence = [records[0]] },
                new Finding { Cause = Causes.ClientAbort, RootCause = Causes.ClientAbort, Target = "127.0.0.1:9000", Count = 1, Confidence = Confidence.High, Summary = "client went away" },
            ],
        };
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"); // UTC+1 in November

        var report = IncidentReportFactory.From(diagnosis, "Ev1", "U1", DateTimeOffset.Parse("2026-11-20T03:10:00Z"), berlin, "#ops", "1.2", ["web-1"]);

        Assert.Equal(["127.0.0.1:9000"], report.Upstreams);
        Assert.Equal(["shop.example.com"], report.VirtualHosts);
        Assert.Equal("wrong_target", report.RootCause);
        Assert.Equal(2, report.Count502);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T03:00:01Z"), report.First502At);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T03:00:05Z"), report.Last502At);
        Assert.Contains("\"rootCause\":\"wrong_target\"", report.DiagnosisJson);
    }

    [Fact]
    public void RequestRetriedOnAnotherMember_CountsAsOne502()
    {
        // *5 failed on both members of the block: nginx logged two records but its client got one 502. *7 failed once.
        // The resolver's own record and the request's "could not be resolved" are one 502 too.
        const string paste = """
            2026/11/20 04:00:01 [error] 11#11: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.9, server: shop.example.com, request: "GET /cart HTTP/1.1", upstream: "http://10.0.0.1:8080/cart", host: "shop.example.com"
            2026/11/20 04:00:01 [error] 11#11: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.9, server: shop.example.com, request: "GET /cart HTTP/1.1", upstream: "http://10.0.0.2:8080/cart", host: "shop.example.com"
            2026/11/20 04:00:02 [error] 11#11: *7 connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.9, server: shop.example.com, request: "GET / HTTP/1.1", upstream: "http://10.0.0.1:8080/", host: "shop.example.com"
            2026/11/20 04:00:03 [error] 11#11: *9 recv() failed (111: Connection refused) while resolving, resolver: 127.0.0.53:53
            2026/11/20 04:00:03 [error] 11#11: *9 api.internal could not be resolved (110: Operation timed out), client: 10.0.0.9, server: shop.example.com, request: "GET /api HTTP/1.1", host: "shop.example.com"
            """;
        var diagnosis = DiagnosisEngine.Analyze(paste);

        var report = IncidentReportFactory.From(diagnosis, "Ev2", "U1", DateTimeOffset.Parse("2026-11-20T04:10:00Z"), TimeZoneInfo.Utc);

        Assert.Equal(5, diagnosis.Records.Count(r => r.Status == 502));
        Assert.Equal(3, report.Count502);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T04:00:01Z"), report.First502At);
        Assert.Equal(DateTimeOffset.Parse("2026-11-20T04:00:03Z"), report.Last502At);
    }

    private static LogRecord Record(int line, int status, DateTime time) => new()
    {
        Line = line, Kind = default, Cause = status == 502 ? Causes.UpstreamDown : Causes.ClientAbort, Status = status, Time = time,
        Text = $"connect() failed (111: Connection refused) line {line}",
    };
}
