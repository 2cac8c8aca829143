using Google.Protobuf;

namespace Nginx502Bot.Grpc.Server;

/// <summary>The <see cref="IServerStreamWriter{T}"/> handed to server-streaming handlers.</summary>
internal sealed class ResponseStreamWriter<T>(GrpcServerCall call) : IServerStreamWriter<T>
    where T : IMessage
{
    public Task WriteAsync(T message, CancellationToken cancellationToken) => call.WriteMessageAsync(message, cancellationToken);
}
