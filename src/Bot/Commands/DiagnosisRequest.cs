namespace Nginx502Bot.Bot.Commands;

/// <summary>What to diagnose: a target, pasted lines, or both, and optionally an explicit host list.</summary>
/// <param name="CommandText">The text Re-run replays.</param>
public sealed record DiagnosisRequest(string? Target, string? PastedText, IReadOnlyList<string> ExplicitHosts, string CommandText)
{
    public string Title => Target is null ? "502 diagnosis of the pasted lines" : $"502 diagnosis: {Target}";
}
