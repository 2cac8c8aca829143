using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Bot.Hosting;

namespace Nginx502Bot.Bot.Slack;

/// <summary>
/// Runs before every Slack endpoint: reads the raw body (at most 1 MiB), verifies <c>X-Slack-Signature</c> over it,
/// and answers 401 for missing, stale (replayed) or wrong signatures before any handler sees the request.
/// The verified body is left in <see cref="HttpContext.Items"/> under <see cref="BodyKey"/>.
/// </summary>
public sealed partial class SlackSignatureFilter(SlackSignatureVerifier verifier, ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    public const string BodyKey = "slack.body";
    private const int MaxBody = 1 << 20;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var body = await RequestBody.ReadBoundedAsync(http.Request, MaxBody, http.RequestAborted);
        var check = body is null
            ? SignatureCheck.Mismatch
            : verifier.Verify(http.Request.Headers["X-Slack-Request-Timestamp"], http.Request.Headers["X-Slack-Signature"], body);
        if (check != SignatureCheck.Valid)
        {
            LogRejected(logger, http.Request.Path, check);
            return Results.Unauthorized();
        }

        http.Items[BodyKey] = body;
        return await next(context);
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Rejected Slack request to {Path}: signature {Check}")]
    private static partial void LogRejected(ILogger logger, PathString path, SignatureCheck check);
}
