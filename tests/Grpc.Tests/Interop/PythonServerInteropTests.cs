using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Nginx502Bot.Grpc.Client;
using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Grpc.Tests.Interop;

/// <summary>Interop, direction (b): OUR client calls python3-grpcio's server over h2c.</summary>
public sealed class PythonServerInteropTests(PythonServerFixture python) : IClassFixture<PythonServerFixture>, IDisposable
{
    private const string Service = "/interop.Echo/";
    private const string ErrorDetail = "bad input: caf\u00e9 100% \u2603";

    private static readonly KeyValuePair<string, string>[] Metadata =
    [
        new("authorization", "Bearer interop-token"),
        new("x-request-id", "rid-cs-2"),
    ];

    private readonly GrpcChannel _channel = new(python.Address);

    private static DateTimeOffset Soon => DateTimeOffset.UtcNow.AddSeconds(10);

    [Fact]
    public async Task Unary_PythonServerSeesMetadataAndTimeout_AndEchoes()
    {
        var reply = await _channel.CallUnaryAsync<StringValue, StringValue>(Service + "Unary", new StringValue { Value = "hi" }, Metadata, Soon);

        Assert.Equal("echo:hi|rid=rid-cs-2", reply.Value);
        await python.Peer.WaitForLineAsync("OK Unary received 'hi' rid=rid-cs-2", TimeSpan.FromSeconds(5));
        Assert.DoesNotContain("FAIL", python.Peer.Output);
    }

    [Fact]
    public async Task ErrorStatus_CodeAndPercentEncodedDetailAreDecoded()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<StringValue, StringValue>(Service + "Fail", new StringValue(), Metadata, Soon));

        Assert.Equal(GrpcStatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(ErrorDetail, error.Detail);
    }

    [Fact]
    public async Task Deadline_DeadlineExceededAndPythonHandlerSeesCancellation()
    {
        // Warm the HTTP/2 connection first, and give the call a deadline long enough for a starved Python peer to
        // dispatch it (on a loaded 2-core machine it sometimes needs more than 500 ms): the handler must see the cancellation.
        await _channel.CallUnaryAsync<StringValue, StringValue>(Service + "Unary", new StringValue { Value = "warm" }, Metadata, Soon);
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<StringValue, StringValue>(
                Service + "Sleep", new StringValue { Value = "8000" }, Metadata, DateTimeOffset.UtcNow.AddSeconds(2)));

        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(watch.Elapsed, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(6));
        await python.Peer.WaitForLineAsync("OK Sleep cancelled by the client", TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ServerStreaming_AllMessagesInOrder()
    {
        var values = new List<int>();
        await foreach (var m in _channel.CallServerStreamingAsync<Int32Value, Int32Value>(
            Service + "Count", new Int32Value { Value = 5 }, Metadata, Soon))
        {
            values.Add(m.Value);
        }

        Assert.Equal([1, 2, 3, 4, 5], values);
    }

    [Fact]
    public async Task MissingAuthorization_PythonAnswersUnauthenticated()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<StringValue, StringValue>(Service + "Unary", new StringValue(), [], Soon));

        Assert.Equal(GrpcStatusCode.Unauthenticated, error.StatusCode);
    }

    [Fact]
    public async Task UnknownMethod_PythonAnswersUnimplemented()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<StringValue, StringValue>(Service + "Nope", new StringValue(), Metadata, Soon));

        Assert.Equal(GrpcStatusCode.Unimplemented, error.StatusCode);
    }

    public void Dispose() => _channel.Dispose();
}
