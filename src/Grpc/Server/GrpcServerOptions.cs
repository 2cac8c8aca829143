using Nginx502Bot.Grpc.Wire;

namespace Nginx502Bot.Grpc.Server;

/// <summary>Limits and conventions of the gRPC server mapping; set through <c>AddGrpcTransport(o => ...)</c>.</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Configuration section a host may bind these options from.</summary>
    public const string SectionName = "Grpc:Server";

    /// <summary>Largest request message accepted; larger ones fail with RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Largest response message sent; larger ones fail the call with RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxSendMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Request metadata key holding the caller's correlation id, logged with every call. Default <c>x-request-id</c>.</summary>
    public string CorrelationIdHeader { get; set; } = "x-request-id";
}
