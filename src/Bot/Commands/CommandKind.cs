namespace Nginx502Bot.Bot.Commands;

/// <summary>What a <c>/502</c> text asks for.</summary>
public enum CommandKind
{
    Help,
    Diagnose,
    Paste,
    Agents,
    Incidents,
    Resolve,
    Note,
    Postmortem,
    OptOut,
    OptIn,
}
