namespace Nginx502Bot.Grpc.Server;

/// <summary>Writes response messages of a server-streaming call, one framed and flushed message per call.</summary>
/// <typeparam name="T">The response message type.</typeparam>
public interface IServerStreamWriter<in T>
{
    /// <summary>
    /// Sends one message. Throws RESOURCE_EXHAUSTED for an oversize message, and
    /// <see cref="InvalidOperationException"/> once the call has completed (e.g. after its deadline).
    /// Calls must not overlap.
    /// </summary>
    Task WriteAsync(T message, CancellationToken cancellationToken);
}
