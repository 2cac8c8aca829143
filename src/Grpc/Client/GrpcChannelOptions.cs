using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Nginx502Bot.Grpc.Wire;

namespace Nginx502Bot.Grpc.Client;

/// <summary>Transport settings of a <see cref="GrpcChannel"/>. Defaults suit a bot calling agents on a private network.</summary>
public sealed class GrpcChannelOptions
{
    /// <summary>Largest response message accepted; larger ones fail with RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxReceiveMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>Largest request message sent; larger ones fail locally with RESOURCE_EXHAUSTED. Default 4 MiB.</summary>
    public int MaxSendMessageSize { get; set; } = GrpcProtocol.DefaultMaxMessageSize;

    /// <summary>TCP (and TLS) connect timeout. Default 5 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Client certificate for mutual TLS (https addresses only); null for none.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>Custom server-certificate check (e.g. pinning a private CA); null uses the system trust store.</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; set; }

    /// <summary>
    /// A handler shared by many channels (e.g. one <see cref="GrpcChannel.CreateHttpHandler"/> for all agents), which the
    /// channel never disposes. Null: the channel creates and owns its own handler from the settings above.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Clock used to turn deadlines into timeouts. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
