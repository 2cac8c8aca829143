using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nginx502Bot.Grpc.Server;
using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Agent.Serve;

/// <summary>
/// Checks <c>authorization: Bearer TOKEN</c> before the request message is read, so an unauthenticated call never
/// reaches a probe. The comparison is constant-time over SHA-256 digests (equal lengths whatever the input).
/// </summary>
public sealed class BearerTokenInterceptor : IGrpcServerInterceptor
{
    private readonly byte[] _expected;
    private readonly DateTimeOffset? _notAfter;
    private readonly TimeProvider _time;
    private readonly ILogger<BearerTokenInterceptor> _logger;

    public BearerTokenInterceptor(IOptions<ServeOptions> options, TimeProvider time, ILogger<BearerTokenInterceptor> logger)
    {
        var token = options.Value.ResolveToken() ?? throw new InvalidOperationException("Serve:Token is not set.");
        _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));
        _notAfter = options.Value.TokenNotAfter;
        _time = time;
        _logger = logger;
    }

    public ValueTask OnCallStartingAsync(ServerCallContext context, CancellationToken cancellationToken)
    {
        var correlation = context.CorrelationId ?? "-";
        var header = context.GetHeader("authorization");
        var reason = header switch
        {
            null => "no bearer token",
            _ when !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) => "not a bearer token",
            _ when !Matches(header["Bearer ".Length..].Trim()) => "wrong token",
            _ when _notAfter is { } end && _time.GetUtcNow() > end => "token expired",
            _ => null,
        };
        if (reason is not null)
        {
            ServeLog.Rejected(_logger, context.Method, context.Peer, correlation, reason);
            throw new GrpcCallException(GrpcStatusCode.Unauthenticated, "A valid bearer token is required.");
        }

        ServeLog.Authenticated(_logger, context.Method, context.Peer, correlation);
        return ValueTask.CompletedTask;
    }

    private bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected);
}
