using System.Text;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Postmortems;
using Nginx502Bot.Incidents.Storage;
using static Nginx502Bot.Incidents.Pages.Html;

namespace Nginx502Bot.Incidents.Pages;

/// <summary>
/// HTML for the incident list (with filters), an incident (facts, chart, timeline) and its post-mortem. Pages are
/// self-contained: inline CSS and SVG, no script. The bot maps the endpoints and checks <see cref="SignedLinks"/>.
/// </summary>
public sealed class IncidentPages(SignedLinks links)
{
    public string RenderList(IReadOnlyList<Incident> incidents, IncidentFilter filter)
    {
        var html = Begin("Incidents");
        html.Append("<form method=\"get\" id=\"filters\">")
            .Append("<label>Status <select name=\"status\"><option value=\"\">any</option>");
        foreach (var s in new[] { "open", "mitigated", "resolved" })
        {
            html.Append("<option").Append(filter.Status == s ? " selected" : "").Append('>').Append(s).Append("</option>");
        }

        html.Append("</select></label> <label>Root cause <input name=\"rootCause\" value=\"").Append(E(filter.RootCause)).Append("\"></label>")
            .Append(" <label>Host / vhost / upstream <input name=\"target\" value=\"").Append(E(filter.Target)).Append("\"></label>")
            .Append(" <button>Filter</button></form>");
        html.Append("<table id=\"incidents\"><thead><tr><th>#</th><th>Status</th><th>Title</th><th>Root cause</th><th>502s</th><th>Detected</th></tr></thead><tbody>");
        foreach (var i in incidents)
        {
            html.Append("<tr class=\"incident\"><td><a href=\"").Append(E(links.IncidentUrl(i.Number))).Append("\">").Append(i.DisplayId).Append("</a></td>")
                .Append("<td class=\"status-").Append(DbNames.Of(i.Status)).Append("\">").Append(DbNames.Of(i.Status)).Append("</td><td>")
                .Append(E(i.Title)).Append("</td><td><code>").Append(E(i.RootCause ?? "—")).Append("</code></td><td>").Append(i.Count502)
                .Append("</td><td>").Append(Durations.Format(i.DetectedAt)).Append("</td></tr>");
        }

        if (incidents.Count == 0)
        {
            html.Append("<tr><td colspan=\"6\">No incidents match.</td></tr>");
        }

        return End(html.Append("</tbody></table>"));
    }

    public string RenderIncident(Postmortem pm)
    {
        var i = pm.Incident;
        var html = Begin($"Incident #{i.DisplayId}: {i.Title}");
        AppendFacts(html, pm);
        html.Append("<h2>502s over time</h2>").Append(SvgChart.Render(pm.Chart));
        AppendTimeline(html, pm.Timeline);
        html.Append("<p><a id=\"postmortem-link\" href=\"").Append(E(links.PostmortemUrl(i.Number))).Append("\">Post-mortem</a></p>");
        return End(html);
    }

    public static string RenderPostmortem(Postmortem pm)
    {
        var i = pm.Incident;
        var html = Begin($"Post-mortem: incident #{i.DisplayId}");
        html.Append("<h2>Summary</h2><p id=\"summary\">").Append(E(pm.Summary)).Append("</p>");
        AppendFacts(html, pm);
        html.Append("<h2>502s over time</h2>").Append(SvgChart.Render(pm.Chart));
        html.Append("<h2>Root cause</h2><p><code id=\"root-cause\">").Append(E(i.RootCause ?? "undetermined")).Append("</code></p>");
        AppendEvents(html, "Evidence", "evidence", pm.Evidence, withDetails: true);
        AppendEvents(html, "What was done", "done", pm.WhatWasDone, withDetails: false);
        html.Append("<h2>Action items</h2><ul id=\"action-items\">");
        foreach (var item in pm.ActionItems)
        {
            html.Append("<li>").Append(E(item)).Append("</li>");
        }

        html.Append("</ul>");
        AppendTimeline(html, pm.Timeline);
        return End(html);
    }

    private static void AppendFacts(StringBuilder html, Postmortem pm)
    {
        var i = pm.Incident;
        html.Append("<table id=\"facts\">")
            .Append("<tr><th>Status</th><td class=\"status-").Append(DbNames.Of(i.Status)).Append("\">").Append(DbNames.Of(i.Status)).Append("</td></tr>")
            .Append("<tr><th>Severity</th><td>").Append(DbNames.Of(i.Severity)).Append("</td></tr>")
            .Append("<tr><th>Impact window</th><td>").Append(Durations.Format(pm.ImpactStart)).Append(" – ").Append(Durations.Format(pm.ImpactEnd)).Append("</td></tr>")
            .Append("<tr><th>502s seen</th><td id=\"count-502\">").Append(i.Count502).Append("</td></tr>")
            .Append("<tr><th>Hosts</th><td>").Append(E(string.Join(", ", i.Hosts))).Append("</td></tr>")
            .Append("<tr><th>Virtual hosts</th><td>").Append(E(string.Join(", ", i.VirtualHosts))).Append("</td></tr>")
            .Append("<tr><th>Upstreams</th><td>").Append(E(string.Join(", ", i.Upstreams))).Append("</td></tr>")
            .Append("<tr><th>Detected</th><td>").Append(Durations.Format(i.DetectedAt)).Append(" by ").Append(E(pm.DetectedBy)).Append("</td></tr>")
            .Append("<tr><th>Time to acknowledge</th><td>").Append(Durations.Format(pm.TimeToAcknowledge)).Append("</td></tr>")
            .Append("<tr><th>Time to resolve</th><td>").Append(Durations.Format(pm.TimeToResolve)).Append("</td></tr></table>");
    }

    private static void AppendTimeline(StringBuilder html, IReadOnlyList<TimelineEvent> events) =>
        AppendEvents(html, "Timeline", "timeline", events, withDetails: false);

    private static void AppendEvents(StringBuilder html, string title, string id, IReadOnlyList<TimelineEvent> events, bool withDetails)
    {
        html.Append("<h2>").Append(title).Append("</h2><ol id=\"").Append(id).Append("\">");
        foreach (var e in events)
        {
            html.Append("<li class=\"event kind-").Append(DbNames.Of(e.Kind)).Append(e.Pinned ? " pinned" : "").Append("\"><time datetime=\"")
                .Append(e.OccurredAt.UtcDateTime.ToString("O")).Append("\">").Append(Durations.Format(e.OccurredAt)).Append("</time> <b>")
                .Append(DbNames.Of(e.Kind)).Append("</b> ").Append(E(e.Actor)).Append(": ").Append(E(e.Summary));
            if (withDetails && e.DetailsJson.Length > 2)
            {
                html.Append("<pre>").Append(E(e.DetailsJson)).Append("</pre>");
            }

            html.Append("</li>");
        }

        html.Append("</ol>");
    }
}
