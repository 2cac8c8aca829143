using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Records;

namespace Nginx502Bot.Diagnostics.Analysis;

/// <summary>The result of analysing a bounded piece of text (a paste, an agent's log excerpt).</summary>
public sealed record Diagnosis
{
    public required IReadOnlyList<LogRecord> Records { get; init; }
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>True when any record describes an upstream failure (the CLI's exit status).</summary>
    public bool HasUpstreamFailure => Findings.Count > 0;
}
