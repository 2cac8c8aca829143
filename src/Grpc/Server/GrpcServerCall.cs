using System.Net;
using System.Net.Sockets;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Grpc.Status;
using Nginx502Bot.Grpc.Wire;

namespace Nginx502Bot.Grpc.Server;

/// <summary>
/// One server call: its deadline timer, cancellation, and the only path to the HTTP response. Writes and the final
/// status share a lock and a "completed" flag, so a handler that outlives its deadline can never touch the response.
/// </summary>
internal sealed class GrpcServerCall : IDisposable
{
    // CancellationTokenSource timers accept at most uint.MaxValue - 1 ms; longer deadlines are effectively infinite.
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private readonly HttpContext _http;
    private readonly CancellationTokenSource? _deadlineSource;
    private readonly CancellationTokenSource _callSource;
    private readonly TaskCompletionSource _deadlineReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _responseLock = new(1, 1);
    private bool _completed;

    private GrpcServerCall(HttpContext http, GrpcServerOptions options, TimeSpan? timeout, TimeProvider timeProvider, string method)
    {
        _http = http;
        Options = options;
        if (timeout is { } t && t < MaxTimer)
        {
            _deadlineSource = new CancellationTokenSource(t, timeProvider);
            _deadlineSource.Token.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), _deadlineReached);
        }

        _callSource = _deadlineSource is null
            ? CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted)
            : CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _deadlineSource.Token);
        Context = new ServerCallContext(
            method,
            CopyMetadata(http.Request.Headers),
            FormatPeer(http.Connection.RemoteIpAddress, http.Connection.RemotePort),
            timeout is { } d ? timeProvider.GetUtcNow() + d : null,
            http.Connection.ClientCertificate,
            http.Request.Headers[options.CorrelationIdHeader].FirstOrDefault(),
            _callSource.Token);
    }

    public ServerCallContext Context { get; }

    public GrpcServerOptions Options { get; }

    /// <summary>Completes when the deadline passes; never completes for calls without a deadline.</summary>
    public Task DeadlineReached => _deadlineReached.Task;

    public bool IsDeadlineExceeded => _deadlineSource?.IsCancellationRequested == true;

    public bool IsClientGone => _http.RequestAborted.IsCancellationRequested;

    /// <summary>Creates the call and announces the gRPC response headers (sent with the first message or the status).</summary>
    public static GrpcServerCall Start(HttpContext http, string method, GrpcServerOptions options, TimeProvider timeProvider, ILogger logger)
    {
        TimeSpan? timeout = null;
        string? header = http.Request.Headers[GrpcProtocol.TimeoutHeader];
        if (header is not null)
        {
            if (GrpcTimeout.TryParse(header, out var parsed))
            {
                timeout = parsed;
            }
            else
            {
                GrpcServerLog.InvalidTimeout(logger, header);
            }
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = GrpcProtocol.ContentType;
        return new GrpcServerCall(http, options, timeout, timeProvider, method);
    }

    /// <summary>Reads the single request message of a unary or server-streaming call, then expects end of stream.</summary>
    public async Task<T> ReadSingleRequestAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        var reader = _http.Request.BodyReader;
        var token = Context.CancellationToken;
        var request = await GrpcFraming.ReadMessageAsync(reader, parser, Options.MaxReceiveMessageSize, token)
            ?? throw new GrpcCallException(GrpcStatusCode.Internal, "The request did not include a message.");
        return await GrpcFraming.ReadMessageAsync(reader, parser, Options.MaxReceiveMessageSize, token) is null
            ? request
            : throw new GrpcCallException(GrpcStatusCode.Internal, "Additional data after the request message.");
    }

    /// <summary>Frames and flushes one response message; the first one sends the response headers.</summary>
    public async Task WriteMessageAsync(IMessage message, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(Context.CancellationToken, cancellationToken);
        await _responseLock.WaitAsync(linked.Token);
        try
        {
            ObjectDisposedException.ThrowIf(_completed, this);
            GrpcFraming.WriteMessage(_http.Response.BodyWriter, message, Options.MaxSendMessageSize);
            await _http.Response.BodyWriter.FlushAsync(linked.Token);
        }
        finally
        {
            _responseLock.Release();
        }
    }

    /// <summary>
    /// Ends the call with a status: in trailers after messages, or as a Trailers-Only response when nothing was sent.
    /// Completing the response sends END_STREAM immediately, even if an abandoned handler is still running.
    /// </summary>
    public async Task CompleteAsync(GrpcStatusCode code, string detail)
    {
        // A pending write holds the lock only until its flush observes the (by now cancelled) call token.
        await _responseLock.WaitAsync(CancellationToken.None);
        try
        {
            if (_completed)
            {
                return;
            }

            _completed = true;
            WriteStatus(code, detail);
            await _http.Response.CompleteAsync();
        }
        finally
        {
            _responseLock.Release();
        }
    }

    public void Dispose()
    {
        _callSource.Dispose();
        _deadlineSource?.Dispose();
        _responseLock.Dispose();
    }

    private void WriteStatus(GrpcStatusCode code, string detail)
    {
        var response = _http.Response;
        var status = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var message = string.IsNullOrEmpty(detail) ? null : GrpcStatusMessage.Encode(detail);
        if (!response.HasStarted)
        {
            response.Headers[GrpcProtocol.StatusHeader] = status;
            if (message is not null)
            {
                response.Headers[GrpcProtocol.MessageHeader] = message;
            }

            return;
        }

        response.AppendTrailer(GrpcProtocol.StatusHeader, status);
        if (message is not null)
        {
            response.AppendTrailer(GrpcProtocol.MessageHeader, message);
        }
    }

    private static Dictionary<string, string> CopyMetadata(IHeaderDictionary headers)
    {
        var metadata = new Dictionary<string, string>(headers.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, values) in headers)
        {
            if (!key.StartsWith(':'))
            {
                metadata[key.ToLowerInvariant()] = values.ToString();
            }
        }

        return metadata;
    }

    private static string FormatPeer(IPAddress? address, int port) => address switch
    {
        null => "unknown",
        { AddressFamily: AddressFamily.InterNetworkV6 } when address.IsIPv4MappedToIPv6 => $"ipv4:{address.MapToIPv4()}:{port}",
        { AddressFamily: AddressFamily.InterNetworkV6 } => $"ipv6:[{address}]:{port}",
        _ => $"ipv4:{address}:{port}",
    };
}
