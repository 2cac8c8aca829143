using System.Security.Cryptography.X509Certificates;

namespace Nginx502Bot.Grpc.Server;

/// <summary>
/// What a handler (or interceptor) knows about the current call: method, request metadata, peer, deadline and
/// cancellation. The token is cancelled when the client cancels or the deadline passes.
/// </summary>
public sealed class ServerCallContext
{
    internal ServerCallContext(
        string method,
        IReadOnlyDictionary<string, string> requestHeaders,
        string peer,
        DateTimeOffset? deadline,
        X509Certificate2? clientCertificate,
        string? correlationId,
        CancellationToken cancellationToken)
    {
        Method = method;
        RequestHeaders = requestHeaders;
        Peer = peer;
        Deadline = deadline;
        ClientCertificate = clientCertificate;
        CorrelationId = correlationId;
        CancellationToken = cancellationToken;
    }

    /// <summary>The full method path, e.g. <c>/nginx502bot.agent.v1.Agent/Diagnose</c>.</summary>
    public string Method { get; }

    /// <summary>Request metadata (HTTP/2 headers except pseudo-headers), keys lower-case and case-insensitive; repeated keys joined with ",".</summary>
    public IReadOnlyDictionary<string, string> RequestHeaders { get; }

    /// <summary>The caller's address in gRPC's form, e.g. <c>ipv4:127.0.0.1:53412</c> or <c>ipv6:[::1]:53412</c>.</summary>
    public string Peer { get; }

    /// <summary>When the call's <c>grpc-timeout</c> runs out; null when the client sent none (infinite).</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>The client's TLS certificate when the connection used mutual TLS; otherwise null.</summary>
    public X509Certificate2? ClientCertificate { get; }

    /// <summary>The correlation id from the configured metadata key (default <c>x-request-id</c>), if sent.</summary>
    public string? CorrelationId { get; }

    /// <summary>Cancelled when the client cancels the call or the deadline passes.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Per-call state an interceptor can hand to the handler (e.g. the authenticated caller).</summary>
    public IDictionary<string, object?> Items { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Returns a request metadata value, or null when absent.</summary>
    public string? GetHeader(string key) => RequestHeaders.GetValueOrDefault(key);
}
