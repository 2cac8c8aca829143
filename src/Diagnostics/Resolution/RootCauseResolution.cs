using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Resolution;

/// <summary>
/// A finding's root cause as host evidence establishes it: facts (each citing probe and file:line) are kept apart
/// from likely causes, and the remediation names the exact file:line and value.
/// </summary>
public sealed record RootCauseResolution
{
    /// <summary>Root-cause id from <see cref="RootCauses"/>; the finding's own id when no rule applied.</summary>
    public required string RootCause { get; init; }
    public required Confidence Confidence { get; init; }
    public required string Summary { get; init; }
    public IReadOnlyList<EvidenceFact> Facts { get; init; } = [];
    public IReadOnlyList<string> LikelyCauses { get; init; } = [];
    public IReadOnlyList<string> Remediation { get; init; } = [];

    /// <summary>Name of the rule that decided, or null when the evidence refined nothing.</summary>
    public string? Rule { get; init; }
}
