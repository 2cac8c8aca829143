using System.Net;

namespace Nginx502Bot.Grpc.Status;

/// <summary>
/// The gRPC "HTTP to gRPC status code" table, used by clients only when a response carries no <c>grpc-status</c>
/// (typically an intermediary such as a proxy answered instead of the gRPC server).
/// </summary>
public static class HttpStatusMapping
{
    /// <summary>Maps a non-gRPC HTTP response status to the gRPC status a client should report.</summary>
    public static GrpcStatusCode ToGrpcStatus(HttpStatusCode httpStatus) => (int)httpStatus switch
    {
        >= 100 and < 200 => GrpcStatusCode.Internal,
        400 or 431 => GrpcStatusCode.Internal,
        401 => GrpcStatusCode.Unauthenticated,
        403 => GrpcStatusCode.PermissionDenied,
        404 => GrpcStatusCode.Unimplemented,
        429 or 502 or 503 or 504 => GrpcStatusCode.Unavailable,
        _ => GrpcStatusCode.Unknown,
    };
}
