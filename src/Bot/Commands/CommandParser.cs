namespace Nginx502Bot.Bot.Commands;

/// <summary>
/// Parses the text after <c>/502</c>. Pure: no I/O. Several lines, or one line that looks like a log record,
/// is a paste; one bare word is a diagnose target; keywords select the other commands.
/// </summary>
public static class CommandParser
{
    public static ParsedCommand Parse(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return new(CommandKind.Help);
        }

        if (trimmed.Contains('\n') || PasteDetector.LooksLikeLogLine(trimmed))
        {
            return new(CommandKind.Paste, trimmed);
        }

        var (verb, rest) = SplitFirst(trimmed);
        return verb.ToLowerInvariant() switch
        {
            "help" or "?" => new(CommandKind.Help),
            "agents" or "hosts" => new(CommandKind.Agents),
            "incidents" => new(CommandKind.Incidents),
            // Without an id, "resolve" means the incident of the thread it is typed in.
            "resolve" => new(CommandKind.Resolve, SplitFirst(rest).Head),
            "note" => Note(rest),
            "postmortem" => WithId(CommandKind.Postmortem, rest),
            "optout" or "opt-out" or "mute" => new(CommandKind.OptOut),
            "optin" or "opt-in" or "unmute" => new(CommandKind.OptIn),
            "diagnose" or "check" => Diagnose(rest),
            _ => Diagnose(trimmed),
        };
    }

    private static ParsedCommand WithId(CommandKind kind, string rest) =>
        rest.Length == 0 ? new(CommandKind.Help) : new(kind, SplitFirst(rest).Head);

    private static ParsedCommand Note(string rest)
    {
        var (id, text) = SplitFirst(rest);
        return id.Length == 0 || text.Length == 0 ? new(CommandKind.Help) : new(CommandKind.Note, id, text);
    }

    /// <summary><c>TARGET [on HOST[,HOST...]]</c>.</summary>
    private static ParsedCommand Diagnose(string rest)
    {
        var (target, tail) = SplitFirst(rest);
        if (target.Length == 0)
        {
            return new(CommandKind.Help);
        }

        var (on, hostList) = SplitFirst(tail);
        IReadOnlyList<string>? hosts = on.Equals("on", StringComparison.OrdinalIgnoreCase)
            ? hostList.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
        return new(CommandKind.Diagnose, target, null, hosts);
    }

    private static (string Head, string Tail) SplitFirst(string text)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\t']);
        return space < 0 ? (trimmed, "") : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }
}
