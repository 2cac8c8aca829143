using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Chat;
using Nginx502Bot.Incidents.Configuration;
using Nginx502Bot.Incidents.Lifecycle;
using Nginx502Bot.Incidents.Postmortems;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Incidents.Digests;

/// <summary>Resolves live incidents with no activity for <see cref="IncidentsOptions.StaleAfter"/> and says so in their thread.</summary>
public sealed class AutoResolveService(
    IncidentRepository incidents,
    IncidentService lifecycle,
    IChatPoster poster,
    IOptions<IncidentsOptions> options,
    TimeProvider timeProvider)
{
    public const string Actor = "nginx502bot";

    public async Task<int> ResolveStaleAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var staleAfter = options.Value.StaleAfter;
        var stale = await incidents.ListStaleAsync(now - staleAfter, 100, cancellationToken);
        foreach (var incident in stale)
        {
            var reason = $"auto-resolved: no activity for {Durations.Format(staleAfter)}";
            var key = $"autoresolve:{incident.Id:N}:{incident.UpdatedAt.UtcTicks}";
            await lifecycle.ResolveAsync(incident.Id, Actor, now, reason, key, cancellationToken);
            if (incident.Channel is { } channel)
            {
                await poster.PostAsync(new ChatPost
                {
                    Kind = ChatPostKind.AutoResolved, Channel = channel, ThreadTs = incident.ThreadTs, IncidentId = incident.Id,
                    Text = $"Incident #{incident.DisplayId} {reason}. Reply `/502 note` or report again if 502s continue.",
                }, cancellationToken);
            }
        }

        return stale.Count;
    }
}
