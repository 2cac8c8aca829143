namespace Nginx502Bot.Incidents.Postmortems;

/// <summary>Human durations for reports: "3 h 12 min", "45 s", "—" for none.</summary>
public static class Durations
{
    public static string Format(TimeSpan? span) => span switch
    {
        null => "—",
        { } s when s < TimeSpan.Zero => "—",
        { } s when s.TotalMinutes < 1 => $"{(int)s.TotalSeconds} s",
        { } s when s.TotalHours < 1 => $"{(int)s.TotalMinutes} min {s.Seconds} s",
        { } s when s.TotalDays < 1 => $"{(int)s.TotalHours} h {s.Minutes} min",
        { } s => $"{(int)s.TotalDays} d {s.Hours} h",
    };

    public static string Format(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss") + "Z" : "—";
}
