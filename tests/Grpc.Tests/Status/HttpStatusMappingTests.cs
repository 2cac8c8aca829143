using System.Net;
using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Grpc.Tests.Status;

public class HttpStatusMappingTests
{
    [Theory]
    [InlineData(400, GrpcStatusCode.Internal)]
    [InlineData(401, GrpcStatusCode.Unauthenticated)]
    [InlineData(403, GrpcStatusCode.PermissionDenied)]
    [InlineData(404, GrpcStatusCode.Unimplemented)]
    [InlineData(429, GrpcStatusCode.Unavailable)]
    [InlineData(502, GrpcStatusCode.Unavailable)]
    [InlineData(503, GrpcStatusCode.Unavailable)]
    [InlineData(504, GrpcStatusCode.Unavailable)]
    [InlineData(500, GrpcStatusCode.Unknown)]
    [InlineData(418, GrpcStatusCode.Unknown)]
    public void ToGrpcStatus_FollowsTheSpecTable(int httpStatus, GrpcStatusCode expected)
    {
        Assert.Equal(expected, HttpStatusMapping.ToGrpcStatus((HttpStatusCode)httpStatus));
    }
}
