namespace Nginx502Bot.Bot.Teams;

/// <summary>Teams' limits on what the bot sends (message payload about 28 KB including the card) and our inline caps.</summary>
public static class TeamsLimits
{
    /// <summary>Teams rejects bot messages over about 28 KB; the whole activity is kept under this many UTF-8 bytes.</summary>
    public const int ActivityBytes = 27 * 1024;

    /// <summary>Characters of one code block shown inline; longer blocks are cut at a line boundary.</summary>
    public const int CodeChars = 4000;

    /// <summary>Characters of folded full evidence carried (hidden until toggled) in the card.</summary>
    public const int FoldedChars = 8000;

    /// <summary>Longest single line kept in a code block; nginx lines with long URIs are cut, not dropped.</summary>
    public const int LineChars = 600;

    /// <summary>Plain-text notification summary.</summary>
    public const int SummaryChars = 300;
}
