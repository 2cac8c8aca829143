using Microsoft.Extensions.Logging;

namespace Nginx502Bot.Agent.Serve;

/// <summary>Security-relevant events of the gRPC front door. Token values are never logged.</summary>
public static partial class ServeLog
{
    [LoggerMessage(EventId = 300, Level = LogLevel.Information, Message = "authenticated {Method} from {Peer} correlation {CorrelationId}")]
    public static partial void Authenticated(ILogger logger, string method, string peer, string correlationId);

    [LoggerMessage(EventId = 301, Level = LogLevel.Warning, Message = "rejected {Method} from {Peer} correlation {CorrelationId}: {Reason}")]
    public static partial void Rejected(ILogger logger, string method, string peer, string correlationId, string reason);

    [LoggerMessage(EventId = 302, Level = LogLevel.Warning, Message = "rate limit: {Method} from {Peer} correlation {CorrelationId}")]
    public static partial void RateLimited(ILogger logger, string method, string peer, string correlationId);

    [LoggerMessage(EventId = 303, Level = LogLevel.Information, Message = "agent serving gRPC on {Endpoint} ({Mode})")]
    public static partial void Listening(ILogger logger, string endpoint, string mode);
}
