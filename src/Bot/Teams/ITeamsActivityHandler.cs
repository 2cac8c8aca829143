using Microsoft.AspNetCore.Http;

namespace Nginx502Bot.Bot.Teams;

/// <summary>What <c>/api/messages</c> hands an authenticated activity to; returns the HTTP answer for the connector.</summary>
public interface ITeamsActivityHandler
{
    Task<IResult> HandleAsync(TeamsActivity activity, CancellationToken cancellationToken);
}
