namespace Nginx502Bot.Bot.Incidents;

/// <summary>How chat answers become incident reports (section <c>Incidents:Chat</c>).</summary>
public sealed class IncidentChatOptions
{
    public const string SectionName = "Incidents:Chat";

    /// <summary>
    /// Time zone of pasted nginx logs (nginx writes local time without a zone), an IANA or Windows id. Empty means
    /// the bot's own zone, right when the bot runs next to the web servers.
    /// </summary>
    public string LogTimeZone { get; set; } = "";

    /// <summary>Most timeline events listed by "Show timeline" in chat; the page has all of them.</summary>
    public int TimelineInChat { get; set; } = 15;

    public TimeZoneInfo ResolveLogTimeZone() => LogTimeZone.Length == 0 ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(LogTimeZone);
}
