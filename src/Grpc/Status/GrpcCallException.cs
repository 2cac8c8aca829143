namespace Nginx502Bot.Grpc.Status;

/// <summary>
/// A gRPC call ended with a non-OK status. Servers throw it from handlers (or interceptors) to answer with
/// <see cref="StatusCode"/> and <see cref="Detail"/>; clients receive it for every failed call.
/// The detail travels to the peer in <c>grpc-message</c>, so it must never carry secrets or internal exception text.
/// </summary>
public sealed class GrpcCallException : Exception
{
    /// <summary>Creates an exception carrying a status code and a human-readable detail (may be empty).</summary>
    public GrpcCallException(GrpcStatusCode statusCode, string detail)
        : base(FormatMessage(statusCode, detail))
    {
        StatusCode = statusCode;
        Detail = detail;
    }

    /// <summary>Creates an exception carrying a status code, a detail and the local cause (never sent to the peer).</summary>
    public GrpcCallException(GrpcStatusCode statusCode, string detail, Exception innerException)
        : base(FormatMessage(statusCode, detail), innerException)
    {
        StatusCode = statusCode;
        Detail = detail;
    }

    /// <summary>Creates an <see cref="GrpcStatusCode.Unknown"/> exception; prefer the status-code constructors.</summary>
    public GrpcCallException()
        : this(GrpcStatusCode.Unknown, string.Empty)
    {
    }

    /// <summary>Creates an <see cref="GrpcStatusCode.Unknown"/> exception with the given detail.</summary>
    public GrpcCallException(string message)
        : this(GrpcStatusCode.Unknown, message)
    {
    }

    /// <summary>Creates an <see cref="GrpcStatusCode.Unknown"/> exception with the given detail and cause.</summary>
    public GrpcCallException(string message, Exception innerException)
        : this(GrpcStatusCode.Unknown, message, innerException)
    {
    }

    /// <summary>The gRPC status code of the call.</summary>
    public GrpcStatusCode StatusCode { get; }

    /// <summary>The status message (decoded <c>grpc-message</c>); empty when the peer sent none.</summary>
    public string Detail { get; }

    private static string FormatMessage(GrpcStatusCode statusCode, string detail) =>
        $"Status(StatusCode=\"{statusCode}\", Detail=\"{detail}\")";
}
