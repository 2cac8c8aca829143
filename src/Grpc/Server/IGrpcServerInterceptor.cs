namespace Nginx502Bot.Grpc.Server;

/// <summary>
/// Runs before every handler, in registration order, e.g. to authenticate the <c>authorization</c> metadata.
/// Throw <see cref="Status.GrpcCallException"/> (e.g. UNAUTHENTICATED) to reject the call before the request
/// message is even read; other exceptions become UNKNOWN without their text. Register with
/// <c>services.AddSingleton&lt;IGrpcServerInterceptor, MyInterceptor&gt;()</c>.
/// </summary>
public interface IGrpcServerInterceptor
{
    /// <summary>Inspects (and may annotate through <see cref="ServerCallContext.Items"/>) a call about to run.</summary>
    ValueTask OnCallStartingAsync(ServerCallContext context, CancellationToken cancellationToken);
}
