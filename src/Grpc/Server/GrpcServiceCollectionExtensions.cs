using Microsoft.Extensions.DependencyInjection;

namespace Nginx502Bot.Grpc.Server;

/// <summary>Registers the gRPC server mapping's services.</summary>
public static class GrpcServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="GrpcServerOptions"/> (optionally configured) and the state the <c>MapGrpc*</c> methods need.
    /// Call once from the composition root before mapping methods; register interceptors separately.
    /// </summary>
    public static IServiceCollection AddGrpcTransport(this IServiceCollection services, Action<GrpcServerOptions>? configure = null)
    {
        services.AddOptions<GrpcServerOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddSingleton<GrpcEndpointState>();
        return services;
    }
}
