namespace Nginx502Bot.Bot.Chat;

/// <summary>Button ids every channel renders and routes back unchanged.</summary>
public static class ChatActionIds
{
    public const string Rerun = "rerun";
    public const string Resolve = "resolve";
    public const string Timeline = "timeline";
}
