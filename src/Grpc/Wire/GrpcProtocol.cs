namespace Nginx502Bot.Grpc.Wire;

/// <summary>Header names, content type and defaults of the gRPC over HTTP/2 protocol.</summary>
public static class GrpcProtocol
{
    /// <summary>The content type of every gRPC request and response.</summary>
    public const string ContentType = "application/grpc";

    /// <summary>Trailer (or Trailers-Only header) carrying the decimal status code.</summary>
    public const string StatusHeader = "grpc-status";

    /// <summary>Trailer (or Trailers-Only header) carrying the percent-encoded status message.</summary>
    public const string MessageHeader = "grpc-message";

    /// <summary>Request header carrying the call's timeout, e.g. <c>500m</c>.</summary>
    public const string TimeoutHeader = "grpc-timeout";

    /// <summary>Header naming the message compression; we support only <c>identity</c>.</summary>
    public const string EncodingHeader = "grpc-encoding";

    /// <summary>Header listing the message compressions a peer accepts.</summary>
    public const string AcceptEncodingHeader = "grpc-accept-encoding";

    /// <summary>The default maximum size of one message, sent or received: 4 MiB, as in other gRPC implementations.</summary>
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>The user agent our client sends.</summary>
    internal const string UserAgent = "grpc-dotnet-nginx502bot/1.0";

    /// <summary>True when a content type is <c>application/grpc</c> or one of its <c>+suffix</c>/<c>;param</c> forms.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return contentType.Length == ContentType.Length || contentType[ContentType.Length] is '+' or ';';
    }
}
