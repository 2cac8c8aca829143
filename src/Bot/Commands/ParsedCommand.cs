namespace Nginx502Bot.Bot.Commands;

/// <summary>
/// A parsed <c>/502</c> text. <paramref name="Argument"/> is the target for Diagnose, the pasted text for Paste,
/// the incident id for Resolve/Note/Postmortem; <paramref name="Rest"/> is the note text;
/// <paramref name="Hosts"/> an explicit host list (<c>on web1,web2</c>).
/// </summary>
public sealed record ParsedCommand(CommandKind Kind, string? Argument = null, string? Rest = null, IReadOnlyList<string>? Hosts = null)
{
    public IReadOnlyList<string> ExplicitHosts => Hosts ?? [];
}
