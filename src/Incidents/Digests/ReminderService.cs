using Microsoft.Extensions.Options;
using Nginx502Bot.Incidents.Chat;
using Nginx502Bot.Incidents.Configuration;
using Nginx502Bot.Incidents.Lifecycle;
using Nginx502Bot.Incidents.Pages;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Incidents.Digests;

/// <summary>Reminds the incident's thread about resolved incidents that still have no post-mortem; once per incident.</summary>
public sealed class ReminderService(
    IncidentRepository incidents,
    IncidentService lifecycle,
    IChatPoster poster,
    SignedLinks links,
    IOptions<IncidentsOptions> options,
    IOptions<SchedulesOptions> schedules,
    TimeProvider timeProvider)
{
    public async Task<int> RemindAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = await incidents.ListNeedingReminderAsync(now - options.Value.PostmortemReminderAfter, 50, cancellationToken);
        var sent = 0;
        foreach (var incident in due)
        {
            var channel = incident.Channel ?? schedules.Value.DefaultChannel;
            if (channel is not null)
            {
                var link = links.PostmortemUrl(incident.Number);
                await poster.PostAsync(new ChatPost
                {
                    Kind = ChatPostKind.PostmortemReminder, Channel = channel, ThreadTs = incident.ThreadTs, IncidentId = incident.Id, Link = link,
                    Text = $"Incident #{incident.DisplayId} was resolved without a post-mortem. Draft: {link} — publish with `/502 postmortem {incident.DisplayId}`.",
                }, cancellationToken);
                sent++;
            }

            await lifecycle.MarkRemindedAsync(incident.Id, now, cancellationToken);
        }

        return sent;
    }
}
