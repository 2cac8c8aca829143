using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Nginx502Bot.Bot.Teams;

/// <summary><c>POST /api/messages</c>, the Bot Framework messaging endpoint, authenticated by <see cref="BotFrameworkAuthFilter"/>.</summary>
public static class TeamsEndpoints
{
    /// <summary>Maps the endpoint when <c>AddTeams</c> enabled Teams (an app id is configured); otherwise does nothing and returns null.</summary>
    public static RouteHandlerBuilder? MapTeamsEndpoints(this IEndpointRouteBuilder endpoints, string path = "/api/messages")
    {
        if (endpoints.ServiceProvider.GetService<TeamsChannel>() is null)
        {
            return null;
        }

        return endpoints.MapPost(path, MessagesAsync).AddEndpointFilter<BotFrameworkAuthFilter>();
    }

    private static Task<IResult> MessagesAsync(HttpContext http, ITeamsActivityHandler handler) =>
        handler.HandleAsync((TeamsActivity)http.Items[BotFrameworkAuthFilter.ActivityKey]!, http.RequestAborted);
}
