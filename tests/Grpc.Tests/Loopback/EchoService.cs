using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Routing;
using Nginx502Bot.Grpc.Server;
using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Grpc.Tests.Loopback;

/// <summary>
/// The test service <c>interop.Echo</c>, mapped through the public server API. Its methods mirror the Python peer's,
/// and it records what the server side observed (e.g. a handler's token being cancelled) for assertions.
/// </summary>
public sealed class EchoService
{
    public const string Service = "/interop.Echo/";
    public const string ErrorDetail = "bad input: caf\u00e9 100% \u2603";
    public const string SecretText = "secret-internal-detail";

    public TaskCompletionSource SleepCancelled { get; private set; } = NewSignal();

    public TaskCompletionSource HangCancelled { get; private set; } = NewSignal();

    public TaskCompletionSource<DateTimeOffset?> DeadlineSeen { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Resets the recorded signals; tests sharing a fixture call it first.</summary>
    public void Reset()
    {
        SleepCancelled = NewSignal();
        HangCancelled = NewSignal();
        DeadlineSeen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGrpcUnary<StringValue, StringValue>(Service + "Unary", (request, context, _) =>
            Task.FromResult(new StringValue { Value = $"echo:{request.Value}|rid={context.CorrelationId}" }));
        app.MapGrpcUnary<StringValue, StringValue>(Service + "Fail", (_, _, _) =>
            throw new GrpcCallException(GrpcStatusCode.InvalidArgument, ErrorDetail));
        app.MapGrpcUnary<StringValue, StringValue>(Service + "Crash", (_, _, _) =>
            throw new InvalidOperationException(SecretText));
        app.MapGrpcUnary<StringValue, StringValue>(Service + "Sleep", SleepAsync);
        app.MapGrpcUnary<StringValue, StringValue>(Service + "IgnoreCancellation", IgnoreCancellationAsync);
        app.MapGrpcUnary<Int32Value, StringValue>(Service + "Big", (request, _, _) =>
            Task.FromResult(new StringValue { Value = new string('x', request.Value) }));
        app.MapGrpcUnary<StringValue, StringValue>(Service + "WhoAmI", (_, context, _) =>
            Task.FromResult(new StringValue { Value = $"{context.ClientCertificate?.Subject ?? "anonymous"}|{context.Peer}" }));
        app.MapGrpcServerStreaming<Int32Value, Int32Value>(Service + "Count", CountAsync);
        app.MapGrpcServerStreaming<Int32Value, Int32Value>(Service + "FailAfter", FailAfterAsync);
        app.MapGrpcServerStreaming<Int32Value, Int32Value>(Service + "Hang", HangAsync);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task<StringValue> SleepAsync(StringValue request, ServerCallContext context, CancellationToken cancellationToken)
    {
        DeadlineSeen.TrySetResult(context.Deadline);
        try
        {
            await Task.Delay(int.Parse(request.Value), cancellationToken);
            return new StringValue { Value = "slept" };
        }
        catch (OperationCanceledException)
        {
            SleepCancelled.TrySetResult();
            throw;
        }
    }

    private static async Task<StringValue> IgnoreCancellationAsync(StringValue request, ServerCallContext context, CancellationToken cancellationToken)
    {
        // Deliberately ignores the token: the server must still answer at the deadline.
        await Task.Delay(int.Parse(request.Value), CancellationToken.None);
        return new StringValue { Value = "too late" };
    }

    private static async Task CountAsync(Int32Value request, IServerStreamWriter<Int32Value> writer, ServerCallContext context, CancellationToken cancellationToken)
    {
        for (var i = 1; i <= request.Value; i++)
        {
            await writer.WriteAsync(new Int32Value { Value = i }, cancellationToken);
        }
    }

    private static async Task FailAfterAsync(Int32Value request, IServerStreamWriter<Int32Value> writer, ServerCallContext context, CancellationToken cancellationToken)
    {
        for (var i = 1; i <= request.Value; i++)
        {
            await writer.WriteAsync(new Int32Value { Value = i }, cancellationToken);
        }

        throw new GrpcCallException(GrpcStatusCode.DataLoss, "stream broke after " + request.Value);
    }

    private async Task HangAsync(Int32Value request, IServerStreamWriter<Int32Value> writer, ServerCallContext context, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(new Int32Value { Value = 1 }, cancellationToken);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (OperationCanceledException)
        {
            HangCancelled.TrySetResult();
            throw;
        }
    }
}
