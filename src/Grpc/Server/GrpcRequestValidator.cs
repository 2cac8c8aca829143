using Microsoft.AspNetCore.Http;
using Nginx502Bot.Grpc.Wire;

namespace Nginx502Bot.Grpc.Server;

/// <summary>
/// Rejects requests that are not gRPC before any handler runs: HTTP/1.x (426), non-POST (405) and
/// non-gRPC content types (415, as the spec asks, so plain HTTP clients cannot mistake an error for success).
/// </summary>
internal static class GrpcRequestValidator
{
    /// <summary>Returns true for a valid gRPC request; otherwise writes the HTTP error and returns false.</summary>
    public static async Task<bool> ValidateAsync(HttpContext http)
    {
        var request = http.Request;
        var (status, reason) = request switch
        {
            _ when !HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol) =>
                (StatusCodes.Status426UpgradeRequired, $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2."),
            _ when !HttpMethods.IsPost(request.Method) =>
                (StatusCodes.Status405MethodNotAllowed, "gRPC requests must use POST."),
            _ when !GrpcProtocol.IsGrpcContentType(request.ContentType) =>
                (StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/grpc."),
            _ => (0, string.Empty),
        };
        if (status == 0)
        {
            return true;
        }

        http.Response.StatusCode = status;
        if (status == StatusCodes.Status405MethodNotAllowed)
        {
            http.Response.Headers.Allow = HttpMethods.Post;
        }

        http.Response.ContentType = "text/plain";
        await http.Response.WriteAsync(reason, http.RequestAborted);
        return false;
    }
}
