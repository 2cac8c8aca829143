using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nginx502Bot.Bot.Hosting;

namespace Nginx502Bot.Bot.Teams;

/// <summary>
/// Runs before <c>/api/messages</c>: validates the Bot Connector's bearer token (<see cref="BotFrameworkTokenValidator"/>)
/// before the body is even parsed, then requires the token's <c>serviceurl</c> claim (and key endorsement) to match the
/// activity. Anything else is a 401 and no handler sees the activity. A body over 1 MiB is refused; a signed but
/// malformed body is a 400. The parsed activity is left in <see cref="HttpContext.Items"/> under <see cref="ActivityKey"/>.
/// </summary>
public sealed partial class BotFrameworkAuthFilter(BotFrameworkTokenValidator validator, ILogger<BotFrameworkAuthFilter> logger) : IEndpointFilter
{
    public const string ActivityKey = "teams.activity";
    private const int MaxBody = 1 << 20;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = await validator.ValidateAsync(http.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, http.RequestAborted);
        if (token.Check != TokenCheck.Valid)
        {
            return Reject(http, token);
        }

        var body = await RequestBody.ReadBoundedAsync(http.Request, MaxBody, http.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (TeamsActivity.TryParse(body) is not { } activity)
        {
            return Results.BadRequest();
        }

        var matched = BotFrameworkTokenValidator.MatchActivity(token, activity.ServiceUrl, activity.ChannelId);
        if (matched.Check != TokenCheck.Valid)
        {
            return Reject(http, matched);
        }

        http.Items[ActivityKey] = activity;
        return await next(context);
    }

    private IResult Reject(HttpContext http, TokenCheckResult result)
    {
        LogRejected(logger, http.Request.Path, result.Check, result.Detail ?? "");
        return Results.Unauthorized();
    }

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "Rejected Bot Framework request to {Path}: token {Check} {Detail}")]
    private static partial void LogRejected(ILogger logger, PathString path, TokenCheck check, string detail);
}
