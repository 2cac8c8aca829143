using System.Net;
using System.Net.Security;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using Google.Protobuf;
using Nginx502Bot.Grpc.Status;
using Nginx502Bot.Grpc.Wire;

namespace Nginx502Bot.Grpc.Client;

/// <summary>
/// A client for one gRPC server address over HTTP/2 only: h2c (prior knowledge) for <c>http://</c>, TLS with ALPN for
/// <c>https://</c>. Create one per target and reuse it: calls multiplex over pooled HTTP/2 connections and the
/// channel is thread-safe. Failed calls throw <see cref="GrpcCallException"/>; cancelling the caller's token
/// throws <see cref="OperationCanceledException"/> and resets the HTTP/2 stream; a passed deadline is DEADLINE_EXCEEDED.
/// </summary>
public sealed class GrpcChannel : IDisposable
{
    private readonly HttpClient _client;
    private readonly GrpcChannelOptions _options;

    /// <summary>Creates a channel for <paramref name="address"/> (scheme, host and port; any path is ignored).</summary>
    public GrpcChannel(Uri address, GrpcChannelOptions? options = null)
    {
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("A gRPC address must be http:// (h2c) or https:// (TLS).", nameof(address));
        }

        Address = address;
        _options = options ?? new GrpcChannelOptions();
        var handler = _options.HttpHandler ?? CreateHttpHandler(_options);
        _client = new HttpClient(handler, disposeHandler: _options.HttpHandler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }

    /// <summary>The server address this channel calls.</summary>
    public Uri Address { get; }

    /// <summary>
    /// Creates the HTTP/2 handler a channel uses: multiple HTTP/2 connections allowed, keep-alive pings, no proxy
    /// (an HTTP proxy would break h2c), the options' connect timeout, client certificate and server validation.
    /// </summary>
    public static SocketsHttpHandler CreateHttpHandler(GrpcChannelOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
            KeepAlivePingDelay = TimeSpan.FromSeconds(60),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = options.ServerCertificateValidation,
            },
        };
        if (options.ClientCertificate is { } certificate)
        {
            handler.SslOptions.ClientCertificates = new X509CertificateCollection { certificate };
        }

        return handler;
    }

    /// <summary>
    /// Calls a unary method, e.g. <c>/pkg.Service/Method</c>. <paramref name="metadata"/> becomes request headers
    /// (e.g. <c>authorization</c>, <c>x-request-id</c>); <paramref name="deadline"/> is sent as <c>grpc-timeout</c>
    /// and enforced locally. Returns the single response message or throws <see cref="GrpcCallException"/>.
    /// </summary>
    public async Task<TResponse> CallUnaryAsync<TRequest, TResponse>(
        string method,
        TRequest request,
        IEnumerable<KeyValuePair<string, string>>? metadata = null,
        DateTimeOffset? deadline = null,
        CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var call = new GrpcClientCall(_client, Address, _options, method, deadline, cancellationToken);
        await call.StartAsync(request, metadata);
        var response = await call.ReadNextAsync(MessageParsers<TResponse>.Instance);
        if (response is null)
        {
            throw new GrpcCallException(GrpcStatusCode.Internal, "The server returned OK without a response message.");
        }

        return await call.ReadNextAsync(MessageParsers<TResponse>.Instance) is null
            ? response
            : throw new GrpcCallException(GrpcStatusCode.Internal, "The server returned more than one message for a unary call.");
    }

    /// <summary>
    /// Calls a server-streaming method and yields each response as it arrives; the trailers' status is checked at the
    /// end of the stream (a non-OK status throws). Abandoning the enumeration early resets the call.
    /// </summary>
    public async IAsyncEnumerable<TResponse> CallServerStreamingAsync<TRequest, TResponse>(
        string method,
        TRequest request,
        IEnumerable<KeyValuePair<string, string>>? metadata = null,
        DateTimeOffset? deadline = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>, new()
    {
        using var call = new GrpcClientCall(_client, Address, _options, method, deadline, cancellationToken);
        await call.StartAsync(request, metadata);
        while (await call.ReadNextAsync(MessageParsers<TResponse>.Instance) is { } response)
        {
            yield return response;
        }
    }

    /// <summary>Disposes the HTTP client (and the handler, unless it was shared through the options).</summary>
    public void Dispose() => _client.Dispose();
}
