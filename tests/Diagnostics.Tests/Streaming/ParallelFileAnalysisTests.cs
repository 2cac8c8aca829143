using Nginx502Bot.Diagnostics.Analysis;

namespace Nginx502Bot.Diagnostics.Tests.Streaming;

/// <summary>The report's file path: what it finds must be what the streaming analyzer finds on the same text.</summary>
public sealed class ParallelFileAnalysisTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("perf2-pfa-").FullName;

    private const string Log =
        "2026/11/21 13:41:14 [error] 1#1: *15 upstream timed out (110: Connection timed out) while connecting to upstream, client: 127.0.0.1, server: a, request: \"GET /x HTTP/1.1\", upstream: \"http://127.0.0.1:19106/x\", host: \"h\"\n" +
        "2026/11/21 13:41:15 [error] 1#1: *15 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: a, request: \"GET /x HTTP/1.1\", upstream: \"http://127.0.0.1:18999/x\", host: \"h\"\n" +
        "2026/11/21 13:41:16 [notice] 1#1: signal process started\n";

    [Fact]
    public void SymbolicLinkToALog_IsReadThroughToItsTarget()
    {
        var file = Path.Combine(_dir, "error.log");
        File.WriteAllText(file, Log);
        var link = Path.Combine(_dir, "link.log");
        File.CreateSymbolicLink(link, file);

        var direct = ParallelFileAnalysis.Analyze(file, 2026, 2, null, default);
        var linked = ParallelFileAnalysis.Analyze(link, 2026, 2, null, default);

        Assert.Equal(3, direct.Records);
        Assert.Equal(direct.Records, linked.Records);
        Assert.Equal(direct.UpstreamFailures, linked.UpstreamFailures);
        Assert.Equal(direct.Aggregator.Build().Select(f => (f.Cause, f.Count, f.RetriedRequests)), linked.Aggregator.Build().Select(f => (f.Cause, f.Count, f.RetriedRequests)));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(9)]
    public void ChunksCutAcrossTheFile_NumberEvidenceByItsLineInTheWholeFile(int workers)
    {
        // Many findings, so that every chunk contributes evidence; every third record is a two-line FastCGI record with a
        // long first line, so most even split points fall inside one.
        var lines = new List<string>();
        for (var i = 0; i < 4000; i++)
        {
            var port = 8000 + (i % 37);
            lines.Add(i % 3 == 1
                ? $"2026/11/21 13:41:{i % 60:D2} [error] 1#1: *{i} FastCGI sent in stderr: \"PHP message: PHP Fatal error:  boom {i} {Padding}\nline two\" while reading response header from upstream, client: 127.0.0.1, server: a, request: \"GET /f HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:{port}\", host: \"h\""
                : $"2026/11/21 13:41:{i % 60:D2} [error] 1#1: *{i} connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: s{i}, request: \"GET /x{i} HTTP/1.1\", upstream: \"http://127.0.0.1:{port}/x\", host: \"h\"");
        }

        var file = Path.Combine(_dir, "many.log");
        File.WriteAllText(file, string.Join('\n', lines) + "\n");
        var physical = File.ReadAllLines(file);

        var result = ParallelFileAnalysis.Analyze(file, 2026, workers, null, default, minChunkBytes: 1);
        var findings = result.Aggregator.Build();

        var sequential = DiagnosisEngine.Analyze(File.ReadAllText(file), 2026);
        Assert.Equal(sequential.Records.Count, result.Records);
        Assert.Equal(Summary(sequential.Findings), Summary(findings));

        // The evidence, the recent record included, is what one pass shows, wherever the cuts fell.
        Assert.Equal(EvidenceLines(sequential.Findings), EvidenceLines(findings));
        var evidence = findings.SelectMany(f => f.Evidence).ToList();
        Assert.Contains(evidence, e => e.Line > physical.Length / 2);
        foreach (var e in evidence)
        {
            Assert.Equal(physical[e.Line - 1], e.Text.Split('\n')[0]);
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    public void RequestsRetriedAcrossCuts_CountWhatOnePassCounts(int workers)
    {
        // Each request fails on one to three members (a timeout, then refusals), its attempts a few records apart, so
        // that many fall on both sides of a cut; long records make the cuts land all over the file.
        var lines = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var cid = i / 3;
            var attempt = i % 3;
            var port = 8000 + ((cid + attempt) % 5);
            lines.Add(attempt == 0 && cid % 4 == 0
                ? $"2026/11/21 13:41:{i % 60:D2} [error] 1#1: *{cid} upstream timed out (110: Connection timed out) while connecting to upstream, client: 127.0.0.1, server: s, request: \"GET /r{cid} HTTP/1.1\", upstream: \"http://127.0.0.1:{port}/r{cid}\", host: \"{Padding[..(i % 700)]}\""
                : cid % 7 == 3 && attempt > 0
                    ? $"2026/11/21 13:41:{i % 60:D2} [info] 1#1: *{cid + 5000} client closed connection while waiting for request, client: 127.0.0.1, server: 0.0.0.0:80"
                    : $"2026/11/21 13:41:{i % 60:D2} [error] 1#1: *{cid} connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: s, request: \"GET /r{cid} HTTP/1.1\", upstream: \"http://127.0.0.1:{port}/r{cid}\", host: \"{Padding[..(i % 700)]}\"");
        }

        var file = Path.Combine(_dir, "retries.log");
        File.WriteAllText(file, string.Join('\n', lines) + "\n");

        var findings = ParallelFileAnalysis.Analyze(file, 2026, workers, null, default, minChunkBytes: 1).Aggregator.Build();
        var sequential = DiagnosisEngine.Analyze(File.ReadAllText(file), 2026).Findings;

        Assert.Equal(Summary(sequential), Summary(findings));
        Assert.Equal(sequential.Select(f => $"{f.Cause} {f.Target} {f.RetriedRequests}").Order(), findings.Select(f => $"{f.Cause} {f.Target} {f.RetriedRequests}").Order());
        Assert.True(sequential.Sum(f => f.Statuses.GetValueOrDefault("retried")) > 1000);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    public void GrpcHeaderErrorsAcrossCuts_CountWhatOnePassCounts(int workers)
    {
        // gRPC logs a header error twice, the parser's line and then its summary, for one client 502; records of varied
        // length make the cuts land all over the file, often between the two lines of a pair.
        var lines = new List<string>();
        for (var i = 0; i < 3000; i++)
        {
            var grpc = $"while reading response header from upstream, client: 127.0.0.1, server: s, request: \"POST /g{i} HTTP/2.0\", upstream: \"grpc://127.0.0.1:50051\", host: \"{Padding[..(i * 7 % 900)]}\"";
            lines.Add($"2026/11/21 13:41:{i % 60:D2} [error] 1#1: *{i} upstream sent invalid http2 table index: 62 {grpc}");
            lines.Add($"2026/11/21 13:41:{i % 60:D2} [error] 1#1: *{i} upstream sent invalid header {grpc}");
        }

        var file = Path.Combine(_dir, "grpc.log");
        File.WriteAllText(file, string.Join('\n', lines) + "\n");

        var findings = ParallelFileAnalysis.Analyze(file, 2026, workers, null, default, minChunkBytes: 1).Aggregator.Build();
        var sequential = DiagnosisEngine.Analyze(File.ReadAllText(file), 2026).Findings;

        Assert.Equal(3000, Assert.Single(sequential).Statuses["502"]);
        Assert.Equal(Summary(sequential), Summary(findings));
    }

    private static List<string> Summary(IReadOnlyList<Nginx502Bot.Diagnostics.Findings.Finding> findings) =>
        [.. findings.Select(f => $"{f.Cause} {f.Target} {f.Count} {string.Join(',', f.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}"))}").Order()];

    private static List<string> EvidenceLines(IReadOnlyList<Nginx502Bot.Diagnostics.Findings.Finding> findings) =>
        [.. findings.Select(f => $"{f.Cause} {f.Target}: {string.Join(',', f.Evidence.Select(e => e.Line))}").Order()];

    private static readonly string Padding = new('x', 1500);

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
