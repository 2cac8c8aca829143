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

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
