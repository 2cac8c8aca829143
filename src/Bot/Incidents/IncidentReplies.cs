using System.Text;
using Nginx502Bot.Bot.Chat;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Pages;
using Nginx502Bot.Incidents.Postmortems;

namespace Nginx502Bot.Bot.Incidents;

/// <summary>The chat texts of the incident commands; every incident mention carries its signed page link.</summary>
public sealed class IncidentReplies(SignedLinks links)
{
    public static readonly ChatReply Unreachable = ChatReply.Plain(
        "The incident database is unreachable right now; the diagnosis still works. Try this command again in a minute.");

    public static readonly ChatReply OutboxFull = ChatReply.Plain(
        "The incident database has been unreachable for long and the local outbox is full; nothing was recorded. Try again once it is back.");

    public static ChatReply NotFound(string id) => ChatReply.Plain($"No incident `{id}`. `/502 incidents` lists the open ones.");

    public static ChatReply NotStoredYet(Incident incident) => ChatReply.Plain(
        $"Incident {incident.DisplayId} is only in the local outbox until the database is back; its page appears then.");

    /// <summary>This channel's live incidents; those of other channels are only counted (the list page has them).</summary>
    public ChatReply Open(IReadOnlyList<Incident> incidents, int elsewhere)
    {
        var others = elsewhere > 0 ? $" ({elsewhere} open in other channels)" : "";
        if (incidents.Count == 0)
        {
            return ChatReply.Plain($"No open incidents in this channel{others}. All incidents: {links.ListUrl()}");
        }

        var text = new StringBuilder("*Open incidents in this channel*").Append(others).Append('\n');
        foreach (var i in incidents)
        {
            text.Append("• #").Append(i.DisplayId).Append(' ').Append(DbNames.Of(i.Status)).Append(" — ").Append(i.Title)
                .Append(", ").Append(i.Count502).Append(" 502s, last activity ").Append(Durations.Format(i.UpdatedAt))
                .Append(i.Number > 0 ? " " + links.IncidentUrl(i.Number) : "").Append('\n');
        }

        return ChatReply.Plain(text.Append("All incidents: ").Append(links.ListUrl()).ToString());
    }

    public ChatReply Changed(Incident incident, string what, string actor, DateTimeOffset at) =>
        ChatReply.Plain($"Incident #{incident.DisplayId} {what} by {actor} at {Durations.Format(at)}.{PageLink(incident)}");

    public ChatReply Timeline(Postmortem pm, int max)
    {
        var i = pm.Incident;
        var text = new StringBuilder($"*Incident #{i.DisplayId}* ({DbNames.Of(i.Status)}): {i.Title}\n");
        var shown = pm.Timeline.Count > max ? pm.Timeline.Skip(pm.Timeline.Count - max).ToList() : [.. pm.Timeline];
        if (shown.Count < pm.Timeline.Count)
        {
            text.Append("… ").Append(pm.Timeline.Count - shown.Count).Append(" earlier event(s) on the page\n");
        }

        foreach (var e in shown)
        {
            text.Append('`').Append(Durations.Format(e.OccurredAt)).Append("` ").Append(DbNames.Of(e.Kind)).Append(' ')
                .Append(e.Actor).Append(": ").Append(e.Summary).Append('\n');
        }

        text.Append("Full timeline: ").Append(links.IncidentUrl(i.Number)).Append("\nPost-mortem: ").Append(links.PostmortemUrl(i.Number));
        return ChatReply.Plain(text.ToString());
    }

    public ChatReply Postmortem(Postmortem pm)
    {
        var number = pm.Incident.Number;
        var text = PostmortemChatRenderer.Render(pm, links.PostmortemUrl(number)).TrimEnd()
            + "\nMarkdown export: " + MarkdownUrl(links.PostmortemUrl(number));
        return ChatReply.Plain(text);
    }

    /// <summary>The Markdown export is signed for the same resource (the incident number) as the page.</summary>
    public static string MarkdownUrl(string postmortemUrl)
    {
        var query = postmortemUrl.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? postmortemUrl + ".md" : postmortemUrl[..query] + ".md" + postmortemUrl[query..];
    }

    private string PageLink(Incident incident) => incident.Number > 0 ? " Timeline: " + links.IncidentUrl(incident.Number) : "";
}
