namespace Nginx502Bot.Incidents.Chat;

public enum ChatPostKind
{
    DailyDigest,
    WeeklyDigest,
    PostmortemReminder,
    AutoResolved,
}
