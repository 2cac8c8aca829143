using Nginx502Bot.Grpc.Server;
using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Grpc.Tests.Loopback;

/// <summary>The kind of interceptor the agent will use: rejects calls without the expected bearer token.</summary>
public sealed class BearerTokenInterceptor : IGrpcServerInterceptor
{
    public const string Token = "Bearer interop-token";

    public ValueTask OnCallStartingAsync(ServerCallContext context, CancellationToken cancellationToken)
    {
        if (context.GetHeader("authorization") != Token)
        {
            throw new GrpcCallException(GrpcStatusCode.Unauthenticated, "missing or wrong authorization");
        }

        context.Items["caller"] = "interop";
        return ValueTask.CompletedTask;
    }
}
