using System.IO.Pipelines;
using System.Net;
using System.Net.Http.Headers;
using Google.Protobuf;
using Nginx502Bot.Grpc.Status;
using Nginx502Bot.Grpc.Wire;

namespace Nginx502Bot.Grpc.Client;

/// <summary>
/// One client call: sends the request, validates the response headers, reads messages, then the status from the
/// trailers (or from the headers of a Trailers-Only response). Every failure leaves as a <see cref="GrpcCallException"/>,
/// except the caller's own cancellation. Disposing an unfinished call resets its HTTP/2 stream (RST_STREAM).
/// </summary>
internal sealed class GrpcClientCall : IDisposable
{
    private static readonly TimeSpan MaxTimer = TimeSpan.FromMilliseconds(uint.MaxValue - 1);
    private static readonly MediaTypeHeaderValue GrpcContentType = new(GrpcProtocol.ContentType);

    private readonly HttpClient _client;
    private readonly Uri _uri;
    private readonly GrpcChannelOptions _options;
    private readonly DateTimeOffset? _deadline;
    private readonly CancellationToken _callerToken;
    private readonly CancellationTokenSource? _deadlineSource;
    private readonly CancellationTokenSource _callSource;
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private PipeReader? _reader;
    private GrpcCallException? _trailersOnlyStatus;
    private bool _finished;

    public GrpcClientCall(HttpClient client, Uri address, GrpcChannelOptions options, string method, DateTimeOffset? deadline, CancellationToken cancellationToken)
    {
        _client = client;
        _uri = new Uri(address, method);
        _options = options;
        _deadline = deadline;
        _callerToken = cancellationToken;
        if (Remaining() is { } remaining && remaining < MaxTimer)
        {
            _deadlineSource = new CancellationTokenSource(remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero, options.TimeProvider);
        }

        _callSource = _deadlineSource is null
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _deadlineSource.Token);
    }

    private bool IsDeadlinePassed => _deadline is { } d && (_deadlineSource?.IsCancellationRequested == true || _options.TimeProvider.GetUtcNow() >= d);

    /// <summary>Sends the request and reads the response headers.</summary>
    public async Task StartAsync(IMessage request, IEnumerable<KeyValuePair<string, string>>? metadata)
    {
        try
        {
            if (IsDeadlinePassed)
            {
                throw new GrpcCallException(GrpcStatusCode.DeadlineExceeded, "Deadline Exceeded");
            }

            _request = BuildRequest(request, metadata);
            _response = await _client.SendAsync(_request, HttpCompletionOption.ResponseHeadersRead, _callSource.Token);
            _trailersOnlyStatus = CheckResponseHeaders(_response);
            if (_trailersOnlyStatus is null)
            {
                var body = await _response.Content.ReadAsStreamAsync(_callSource.Token);
                _reader = PipeReader.Create(body);
            }
        }
        catch (OperationCanceledException) when (IsCallerCancellation())
        {
            throw;
        }
        catch (Exception e)
        {
            throw MapFailure(e);
        }
    }

    /// <summary>Returns the next message, or null after the stream ended with OK; throws for any other status.</summary>
    public async Task<T?> ReadNextAsync<T>(MessageParser<T> parser)
        where T : class, IMessage<T>
    {
        try
        {
            if (_finished)
            {
                return null;
            }

            var message = _reader is null
                ? null
                : await GrpcFraming.ReadMessageAsync(_reader, parser, _options.MaxReceiveMessageSize, _callSource.Token);
            if (message is null)
            {
                _finished = true;
                var status = _trailersOnlyStatus ?? ReadStatus(_response!.TrailingHeaders)
                    ?? new GrpcCallException(GrpcStatusCode.Internal, "No grpc-status found on the response.");
                if (status.StatusCode != GrpcStatusCode.Ok)
                {
                    throw status;
                }
            }

            return message;
        }
        catch (OperationCanceledException) when (IsCallerCancellation())
        {
            throw;
        }
        catch (Exception e)
        {
            throw MapFailure(e);
        }
    }

    public void Dispose()
    {
        _reader?.Complete();
        _response?.Dispose();
        _request?.Dispose();
        _callSource.Dispose();
        _deadlineSource?.Dispose();
    }

    private TimeSpan? Remaining() => _deadline - _options.TimeProvider.GetUtcNow();

    private bool IsCallerCancellation() => _callerToken.IsCancellationRequested && !IsDeadlinePassed;

    private HttpRequestMessage BuildRequest(IMessage message, IEnumerable<KeyValuePair<string, string>>? metadata)
    {
        var content = new ByteArrayContent(GrpcFraming.FrameMessage(message, _options.MaxSendMessageSize));
        content.Headers.ContentType = GrpcContentType;
        var request = new HttpRequestMessage(HttpMethod.Post, _uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = content,
        };
        request.Headers.TE.Add(new TransferCodingWithQualityHeaderValue("trailers"));
        request.Headers.TryAddWithoutValidation("user-agent", GrpcProtocol.UserAgent);
        if (Remaining() is { } remaining)
        {
            request.Headers.TryAddWithoutValidation(GrpcProtocol.TimeoutHeader, GrpcTimeout.Encode(remaining));
        }

        foreach (var (key, value) in metadata ?? [])
        {
            if (key.StartsWith(':') || key.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"Metadata key '{key}' is reserved by gRPC.", nameof(metadata));
            }

            request.Headers.TryAddWithoutValidation(key, value);
        }

        return request;
    }

    /// <summary>Returns the status of a Trailers-Only response, null for a normal one; throws for a non-gRPC response.</summary>
    private static GrpcCallException? CheckResponseHeaders(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new GrpcCallException(
                HttpStatusMapping.ToGrpcStatus(response.StatusCode),
                $"Bad gRPC response. HTTP status code: {(int)response.StatusCode}");
        }

        if (ReadStatus(response.Headers) is { } trailersOnly)
        {
            return trailersOnly;
        }

        var contentType = response.Content.Headers.ContentType?.MediaType;
        return GrpcProtocol.IsGrpcContentType(contentType)
            ? null
            : throw new GrpcCallException(GrpcStatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType}");
    }

    private static GrpcCallException? ReadStatus(HttpHeaders headers)
    {
        if (!headers.TryGetValues(GrpcProtocol.StatusHeader, out var statusValues))
        {
            return null;
        }

        var raw = statusValues.FirstOrDefault();
        if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return new GrpcCallException(GrpcStatusCode.Unknown, $"Unexpected grpc-status value: {raw}");
        }

        var detail = headers.TryGetValues(GrpcProtocol.MessageHeader, out var messages)
            ? GrpcStatusMessage.Decode(messages.FirstOrDefault() ?? string.Empty)
            : string.Empty;
        return new GrpcCallException((GrpcStatusCode)code, detail);
    }

    private Exception MapFailure(Exception e) => e switch
    {
        GrpcCallException { StatusCode: GrpcStatusCode.Cancelled } when IsDeadlinePassed => DeadlineExceeded(e),
        GrpcCallException => e,
        _ when IsDeadlinePassed => DeadlineExceeded(e),
        _ when FindProtocolError(e) is { } protocolError => FromStreamReset(protocolError),
        HttpRequestException or IOException => new GrpcCallException(GrpcStatusCode.Unavailable, "Error talking to the server: " + e.Message, e),
        _ => new GrpcCallException(GrpcStatusCode.Internal, "The call failed locally: " + e.GetType().Name, e),
    };

    private static GrpcCallException DeadlineExceeded(Exception cause) =>
        new(GrpcStatusCode.DeadlineExceeded, "Deadline Exceeded", cause);

    private static HttpProtocolException? FindProtocolError(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is HttpProtocolException protocolError)
            {
                return protocolError;
            }
        }

        return null;
    }

    /// <summary>The spec's RST_STREAM error code to gRPC status table.</summary>
    private static GrpcCallException FromStreamReset(HttpProtocolException e) => e.ErrorCode switch
    {
        0x7 => new GrpcCallException(GrpcStatusCode.Unavailable, "The server refused the stream.", e),
        0x8 => new GrpcCallException(GrpcStatusCode.Cancelled, "The server cancelled the call.", e),
        0xb => new GrpcCallException(GrpcStatusCode.ResourceExhausted, "The server asked to reduce bandwidth (ENHANCE_YOUR_CALM).", e),
        0xc => new GrpcCallException(GrpcStatusCode.PermissionDenied, "The connection's security is inadequate for the call.", e),
        _ => new GrpcCallException(GrpcStatusCode.Internal, $"The HTTP/2 stream was reset (error code {e.ErrorCode}).", e),
    };
}
