using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Postmortems;

/// <summary>The short answer to <c>/502 postmortem &lt;id&gt;</c>: the essentials and a link to the full page.</summary>
public static class PostmortemChatRenderer
{
    public static string Render(Postmortem pm, string link)
    {
        var i = pm.Incident;
        var cause = i.RootCause is null ? "undetermined" : $"`{i.RootCause}`";
        return $"""
            *Post-mortem: incident #{i.DisplayId}* ({DbNames.Of(i.Status)})
            {pm.Summary}
            Impact: {Durations.Format(pm.ImpactStart)} – {Durations.Format(pm.ImpactEnd)}, {i.Count502} 502s, {i.Hosts.Count} host(s)
            Root cause: {cause} · time to acknowledge {Durations.Format(pm.TimeToAcknowledge)} · time to resolve {Durations.Format(pm.TimeToResolve)}
            Top action item: {pm.ActionItems[0]}
            Full post-mortem: {link}
            """;
    }
}
