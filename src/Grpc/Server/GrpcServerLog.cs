using Microsoft.Extensions.Logging;
using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Grpc.Server;

/// <summary>Source-generated log messages of the gRPC server; category <c>Nginx502Bot.Grpc.Server</c>.</summary>
internal static partial class GrpcServerLog
{
    public const string Category = "Nginx502Bot.Grpc.Server";

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "gRPC call {Method} from {Peer}, correlation id {CorrelationId}")]
    public static partial void CallStarting(ILogger logger, string method, string peer, string correlationId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "gRPC call {Method} finished with {StatusCode} in {ElapsedMs} ms")]
    public static partial void CallFinished(ILogger logger, string method, GrpcStatusCode statusCode, long elapsedMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "gRPC handler for {Method} threw; answering UNKNOWN")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string method);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "gRPC call {Method} exceeded its deadline")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Ignoring invalid grpc-timeout value {Value}")]
    public static partial void InvalidTimeout(ILogger logger, string value);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "gRPC handler for {Method} ignored cancellation and still runs after the call ended")]
    public static partial void HandlerStillRunning(ILogger logger, string method);
}
