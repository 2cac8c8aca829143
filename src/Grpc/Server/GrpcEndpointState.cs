namespace Nginx502Bot.Grpc.Server;

/// <summary>Remembers whether the UNIMPLEMENTED fallback is already mapped, so it is mapped exactly once.</summary>
internal sealed class GrpcEndpointState
{
    public bool FallbackMapped { get; set; }
}
