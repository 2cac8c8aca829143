using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Remediation;

/// <summary>What to say about a cause: a one-line meaning, likely causes, commands with real values, what to confirm on the host.</summary>
public sealed record Advice(
    string Meaning,
    IReadOnlyList<string> LikelyCauses,
    IReadOnlyList<string> Commands,
    IReadOnlyList<string> ToConfirm,
    Confidence Confidence);
