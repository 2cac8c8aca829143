using System.Text;
using Nginx502Bot.Incidents.Model;

namespace Nginx502Bot.Incidents.Postmortems;

/// <summary>The Markdown export: summary, impact, detection, timeline, root cause with evidence, what was done, times, action items.</summary>
public static class PostmortemMarkdownRenderer
{
    public static string Render(Postmortem pm)
    {
        var i = pm.Incident;
        var md = new StringBuilder();
        md.AppendLine($"# Post-mortem: incident {i.DisplayId} — {Escape(i.Title)}").AppendLine();
        md.AppendLine("## Summary").AppendLine().AppendLine(pm.Summary).AppendLine();
        md.AppendLine("## Impact").AppendLine();
        md.AppendLine($"- Window: {Durations.Format(pm.ImpactStart)} – {Durations.Format(pm.ImpactEnd)}");
        md.AppendLine($"- 502s seen: {i.Count502}");
        md.AppendLine($"- Hosts: {List(i.Hosts)}");
        md.AppendLine($"- Virtual hosts: {List(i.VirtualHosts)}");
        md.AppendLine($"- Upstreams: {List(i.Upstreams)}").AppendLine();
        md.AppendLine("## Detection").AppendLine();
        md.AppendLine($"- Detected {Durations.Format(i.DetectedAt)} by {Escape(pm.DetectedBy)}, {Durations.Format(pm.DetectionDelay)} after the first 502").AppendLine();
        md.AppendLine("## Root cause").AppendLine();
        md.AppendLine(i.RootCause is null ? "Undetermined." : $"`{i.RootCause}`").AppendLine();
        AppendEvents(md, "### Evidence", pm.Evidence, withDetails: true);
        AppendEvents(md, "## What was done", pm.WhatWasDone, withDetails: false);
        md.AppendLine("## Response times").AppendLine();
        md.AppendLine($"- Time to acknowledge: {Durations.Format(pm.TimeToAcknowledge)}");
        md.AppendLine($"- Time to resolve: {Durations.Format(pm.TimeToResolve)}").AppendLine();
        md.AppendLine("## Action items").AppendLine();
        foreach (var item in pm.ActionItems)
        {
            md.AppendLine($"- [ ] {item}");
        }

        md.AppendLine();
        AppendEvents(md, "## Timeline", pm.Timeline, withDetails: false);
        return md.ToString();
    }

    private static void AppendEvents(StringBuilder md, string heading, IReadOnlyList<TimelineEvent> events, bool withDetails)
    {
        md.AppendLine(heading).AppendLine();
        if (events.Count == 0)
        {
            md.AppendLine("None recorded.").AppendLine();
            return;
        }

        foreach (var e in events)
        {
            md.Append("- ").Append(Durations.Format(e.OccurredAt)).Append(" **").Append(DbNames.Of(e.Kind)).Append("** ")
                .Append(Escape(e.Actor)).Append(": ").AppendLine(Escape(e.Summary));
            if (withDetails && e.DetailsJson.Length > 2)
            {
                md.AppendLine("  ```json").Append("  ").AppendLine(e.DetailsJson.Replace("```", "'''", StringComparison.Ordinal)).AppendLine("  ```");
            }
        }

        md.AppendLine();
    }

    private static string List(IReadOnlyList<string> items) => items.Count == 0 ? "—" : string.Join(", ", items.Select(s => $"`{s}`"));

    // Chat text is user input: keep it on one line and out of Markdown structure.
    private static string Escape(string text) =>
        text.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal);
}
