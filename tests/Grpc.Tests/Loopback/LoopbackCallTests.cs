using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Nginx502Bot.Grpc.Client;
using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Grpc.Tests.Loopback;

/// <summary>Our client against our server over h2c on loopback.</summary>
[Collection(nameof(LoopbackServerGroup))]
public sealed class LoopbackCallTests(GrpcServerFixture server) : IDisposable
{
    private static readonly KeyValuePair<string, string>[] Auth =
    [
        new("authorization", BearerTokenInterceptor.Token),
        new("x-request-id", "rid-cs-1"),
    ];

    private readonly GrpcChannel _channel = new(server.H2cAddress, new GrpcChannelOptions
    {
        // Larger than the server's limit, so oversize requests reach the server and it must reject them.
        MaxSendMessageSize = GrpcServerFixture.ServerMaxMessageSize * 4,
        MaxReceiveMessageSize = 32 * 1024,
    });

    private static DateTimeOffset Soon => DateTimeOffset.UtcNow.AddSeconds(10);

    [Fact]
    public async Task Unary_WithMetadata_ReturnsEchoIncludingCorrelationId()
    {
        var reply = await Unary("Unary", "hello");

        Assert.Equal("echo:hello|rid=rid-cs-1", reply.Value);
    }

    [Fact]
    public async Task ServerStreaming_YieldsEveryMessageInOrder()
    {
        var values = new List<int>();
        await foreach (var m in _channel.CallServerStreamingAsync<Int32Value, Int32Value>(
            EchoService.Service + "Count", new Int32Value { Value = 50 }, Auth, Soon))
        {
            values.Add(m.Value);
        }

        Assert.Equal(Enumerable.Range(1, 50), values);
    }

    [Fact]
    public async Task ServerStreaming_ZeroMessages_EndsEmptyWithoutError()
    {
        var count = 0;
        await foreach (var unused in _channel.CallServerStreamingAsync<Int32Value, Int32Value>(
            EchoService.Service + "Count", new Int32Value { Value = 0 }, Auth, Soon))
        {
            count++;
        }

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task ServerStreaming_ErrorAfterMessages_DeliversMessagesThenStatus()
    {
        var values = new List<int>();
        var error = await Assert.ThrowsAsync<GrpcCallException>(async () =>
        {
            await foreach (var m in _channel.CallServerStreamingAsync<Int32Value, Int32Value>(
                EchoService.Service + "FailAfter", new Int32Value { Value = 3 }, Auth, Soon))
            {
                values.Add(m.Value);
            }
        });

        Assert.Equal([1, 2, 3], values);
        Assert.Equal(GrpcStatusCode.DataLoss, error.StatusCode);
        Assert.Equal("stream broke after 3", error.Detail);
    }

    [Fact]
    public async Task HandlerThrowsCallException_ClientGetsItsCodeAndUnicodeDetail()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() => Unary("Fail", "x"));

        Assert.Equal(GrpcStatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal(EchoService.ErrorDetail, error.Detail);
    }

    [Fact]
    public async Task HandlerThrowsOtherException_UnknownWithoutLeakingItsText_ButServerLogsIt()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() => Unary("Crash", "x"));

        Assert.Equal(GrpcStatusCode.Unknown, error.StatusCode);
        Assert.DoesNotContain(EchoService.SecretText, error.Message);
        Assert.Contains(server.Logs.Lines, l => l.Contains("/interop.Echo/Crash") && l.Contains(EchoService.SecretText));
    }

    [Fact]
    public async Task EveryCall_ServerLogsMethodPeerAndCorrelationId()
    {
        await Unary("Unary", "logged");

        Assert.Contains(server.Logs.Lines, l =>
            l.Contains("gRPC call /interop.Echo/Unary from ipv4:127.0.0.1:") && l.Contains("correlation id rid-cs-1"));
    }

    [Fact]
    public async Task UnknownMethod_Unimplemented()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() => Unary("NoSuchMethod", "x"));

        Assert.Equal(GrpcStatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task MethodPathWithDifferentCase_Unimplemented()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<StringValue, StringValue>("/interop.echo/unary", new StringValue(), Auth, Soon));

        Assert.Equal(GrpcStatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public async Task MissingAuthorization_InterceptorRejectsWithUnauthenticated()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<StringValue, StringValue>(EchoService.Service + "Unary", new StringValue(), [], Soon));

        Assert.Equal(GrpcStatusCode.Unauthenticated, error.StatusCode);
        Assert.Equal("missing or wrong authorization", error.Detail);
    }

    [Fact]
    public async Task Deadline_HandlerStillRunning_DeadlineExceededAndServerHandlerCancelled()
    {
        server.Echo.Reset();
        await Unary("Unary", "warm the connection");
        var watch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<StringValue, StringValue>(
                EchoService.Service + "Sleep", new StringValue { Value = "10000" }, Auth, DateTimeOffset.UtcNow.AddMilliseconds(500)));

        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.StatusCode);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(4));
        await server.Echo.SleepCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var serverDeadline = await server.Echo.DeadlineSeen.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(serverDeadline);
    }

    [Fact]
    public async Task DeadlineAlreadyPassed_FailsLocallyWithDeadlineExceeded()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<StringValue, StringValue>(
                EchoService.Service + "Unary", new StringValue(), Auth, DateTimeOffset.UtcNow.AddSeconds(-1)));

        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.StatusCode);
    }

    [Fact]
    public async Task RequestAboveServerLimit_ResourceExhausted()
    {
        var big = new StringValue { Value = new string('x', GrpcServerFixture.ServerMaxMessageSize + 1) };

        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<StringValue, StringValue>(EchoService.Service + "Unary", big, Auth, Soon));

        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ResponseAboveClientLimit_ResourceExhausted()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<Int32Value, StringValue>(EchoService.Service + "Big", new Int32Value { Value = 40 * 1024 }, Auth, Soon));

        Assert.Equal(GrpcStatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public async Task ResponseWithinClientLimit_IsDelivered()
    {
        var reply = await _channel.CallUnaryAsync<Int32Value, StringValue>(
            EchoService.Service + "Big", new Int32Value { Value = 30 * 1024 }, Auth, Soon);

        Assert.Equal(30 * 1024, reply.Value.Length);
    }

    [Fact]
    public async Task CallerCancelsStream_OperationCanceledAndServerHandlerCancelled()
    {
        server.Echo.Reset();
        using var cancellation = new CancellationTokenSource();
        var received = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in _channel.CallServerStreamingAsync<Int32Value, Int32Value>(
                EchoService.Service + "Hang", new Int32Value(), Auth, Soon, cancellation.Token))
            {
                received++;
                await cancellation.CancelAsync();
            }
        });

        Assert.Equal(1, received);
        await server.Echo.HangCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ManyConcurrentCalls_OnOneChannel_AllSucceed()
    {
        var calls = Enumerable.Range(0, 100).Select(i => Unary("Unary", i.ToString()));

        var replies = await Task.WhenAll(calls);

        Assert.Equal(Enumerable.Range(0, 100).Select(i => $"echo:{i}|rid=rid-cs-1"), replies.Select(r => r.Value));
    }

    [Fact]
    public async Task NothingListening_Unavailable()
    {
        using var channel = new GrpcChannel(new Uri("http://127.0.0.1:1"));

        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            channel.CallUnaryAsync<StringValue, StringValue>(EchoService.Service + "Unary", new StringValue(), Auth, Soon));

        Assert.Equal(GrpcStatusCode.Unavailable, error.StatusCode);
    }

    [Fact]
    public async Task ProxyAnswers503WithoutGrpcStatus_UnavailablePerHttpMappingTable()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<StringValue, StringValue>("/proxy.Front/Unavailable", new StringValue(), Auth, Soon));

        Assert.Equal(GrpcStatusCode.Unavailable, error.StatusCode);
        Assert.Contains("503", error.Detail);
    }

    [Fact]
    public async Task Http200WithHtmlBody_Internal()
    {
        var error = await Assert.ThrowsAsync<GrpcCallException>(() =>
            _channel.CallUnaryAsync<StringValue, StringValue>("/proxy.Front/Html", new StringValue(), Auth, Soon));

        Assert.Equal(GrpcStatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task StreamingDeadline_DeadlineExceededAfterFirstMessage()
    {
        await Unary("Unary", "warm the connection");
        var received = 0;
        var error = await Assert.ThrowsAsync<GrpcCallException>(async () =>
        {
            await foreach (var unused in _channel.CallServerStreamingAsync<Int32Value, Int32Value>(
                EchoService.Service + "Hang", new Int32Value(), Auth, DateTimeOffset.UtcNow.AddMilliseconds(500)))
            {
                received++;
            }
        });

        Assert.Equal(1, received);
        Assert.Equal(GrpcStatusCode.DeadlineExceeded, error.StatusCode);
    }

    public void Dispose() => _channel.Dispose();

    private Task<StringValue> Unary(string method, string value) =>
        _channel.CallUnaryAsync<StringValue, StringValue>(EchoService.Service + method, new StringValue { Value = value }, Auth, Soon);
}
