namespace Nginx502Bot.Bot.Slack;

/// <summary>Block Kit limits from Slack's reference (blocks per message, text per element).</summary>
public static class SlackLimits
{
    public const int BlocksPerMessage = 50;
    public const int SectionText = 3000;
    public const int HeaderText = 150;
    public const int FieldsPerSection = 10;
    public const int FieldText = 2000;
    public const int ContextElements = 10;
    public const int ButtonText = 75;
    public const int ButtonValue = 2000;
    public const int ActionsElements = 25;

    /// <summary>The top-level <c>text</c> is the notification fallback; Slack truncates past 40 000, we keep it short.</summary>
    public const int FallbackText = 3000;
}
