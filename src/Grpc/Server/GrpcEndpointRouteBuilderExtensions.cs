using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Nginx502Bot.Grpc.Wire;

namespace Nginx502Bot.Grpc.Server;

/// <summary>
/// Maps gRPC methods onto an ASP.NET Core app. The host must listen with HTTP/2 (h2c: <c>HttpProtocols.Http2</c>;
/// TLS: ALPN <c>h2</c>). The first mapping also maps a fallback answering UNIMPLEMENTED for unknown gRPC methods.
/// </summary>
public static class GrpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a unary method. <paramref name="method"/> is the full path, e.g. <c>/pkg.Service/Method</c>; the handler
    /// gets the request, the call context and the call's cancellation token (also <see cref="ServerCallContext.CancellationToken"/>).
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcUnary<TRequest, TResponse>(
        this IEndpointRouteBuilder endpoints,
        string method,
        Func<TRequest, ServerCallContext, CancellationToken, Task<TResponse>> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>
    {
        return MapMethod(endpoints, method, async call =>
        {
            var request = await call.ReadSingleRequestAsync(MessageParsers<TRequest>.Instance);
            var response = await handler(request, call.Context, call.Context.CancellationToken);
            await call.WriteMessageAsync(response, call.Context.CancellationToken);
        });
    }

    /// <summary>
    /// Maps a server-streaming method: the handler writes any number of responses through the
    /// <see cref="IServerStreamWriter{T}"/>; returning ends the call with OK, throwing ends it with a status.
    /// </summary>
    public static IEndpointConventionBuilder MapGrpcServerStreaming<TRequest, TResponse>(
        this IEndpointRouteBuilder endpoints,
        string method,
        Func<TRequest, IServerStreamWriter<TResponse>, ServerCallContext, CancellationToken, Task> handler)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>
    {
        return MapMethod(endpoints, method, async call =>
        {
            var request = await call.ReadSingleRequestAsync(MessageParsers<TRequest>.Instance);
            await handler(request, new ResponseStreamWriter<TResponse>(call), call.Context, call.Context.CancellationToken);
        });
    }

    private static IEndpointConventionBuilder MapMethod(IEndpointRouteBuilder endpoints, string method, Func<GrpcServerCall, Task> body)
    {
        if (method.Length < 3 || method[0] != '/' || method.Count(c => c == '/') != 2)
        {
            throw new ArgumentException("A gRPC method path looks like /package.Service/Method.", nameof(method));
        }

        MapFallbackOnce(endpoints);
        return endpoints.Map(method, http => GrpcCallPipeline.RunAsync(http, method, body)).WithDisplayName("gRPC " + method);
    }

    private static void MapFallbackOnce(IEndpointRouteBuilder endpoints)
    {
        var state = endpoints.ServiceProvider.GetService<GrpcEndpointState>()
            ?? throw new InvalidOperationException("Call services.AddGrpcTransport() before mapping gRPC methods.");
        if (!state.FallbackMapped)
        {
            state.FallbackMapped = true;
            endpoints.MapFallback("{**path}", GrpcCallPipeline.RunFallbackAsync).WithDisplayName("gRPC unimplemented fallback");
        }
    }
}
