using Nginx502Bot.Diagnostics.Evidence;
using Nginx502Bot.Diagnostics.Findings;
using Nginx502Bot.Diagnostics.Resolution.Rules;

namespace Nginx502Bot.Diagnostics.Resolution;

/// <summary>
/// Combines an engine finding with host evidence into a root cause (<c>causes.md</c> section 2). Rules are tried in
/// order; the first that the evidence establishes decides. When none does, the finding's own root cause stands:
/// unknown stays unknown.
/// </summary>
public static class RootCauseResolver
{
    /// <summary>Most specific first: a denial or permission problem explains a refusal better than "down".</summary>
    public static IReadOnlyList<IRootCauseRule> Rules { get; } =
    [
        new SelinuxDeniedRule(),
        new UnixSocketPermissionRule(),
        new UnixSocketTargetRule(),
        new ProtocolMismatchRule(),
        new WrongTargetRule(),
        new UpstreamDownRule(),
        new OomKilledRule(),
        new AppCrashRule(),
        new AppWorkerTimeoutRule(),
        new PhpFatalRule(),
        new FpmPoolExhaustedRule(),
        new StaleKeepaliveRule(),
        new HeaderTooBigRule(),
        new NoLiveUpstreamsRule(),
    ];

    public static RootCauseResolution Resolve(Finding finding, HostEvidence evidence)
    {
        var context = new RootCauseContext(finding, evidence);
        foreach (var rule in Rules)
        {
            if (rule.TryResolve(context) is { } resolution) { return resolution with { Rule = rule.GetType().Name }; }
        }

        return new RootCauseResolution
        {
            RootCause = finding.RootCause,
            Confidence = finding.Confidence,
            Summary = finding.Summary,
            LikelyCauses = finding.LikelyCauses,
            Remediation = finding.Remediation,
        };
    }

    /// <summary>The finding with root cause, facts, likely causes and remediation replaced by what the evidence established.</summary>
    public static Finding Refine(Finding finding, HostEvidence evidence)
    {
        var r = Resolve(finding, evidence);
        if (r.Rule is null) { return finding; }
        return finding with
        {
            RootCause = r.RootCause,
            Confidence = r.Confidence,
            Summary = r.Summary,
            Facts = [.. finding.Facts, .. r.Facts.Select(Render)],
            LikelyCauses = r.LikelyCauses,
            Remediation = r.Remediation,
            ToConfirm = [],
        };
    }

    /// <summary>"fact (probe, file:line)" as a line of text.</summary>
    public static string Render(EvidenceFact fact) => fact.Location is null
        ? $"{fact.Text} ({fact.Probe})"
        : $"{fact.Text} ({fact.Probe}, {fact.Location})";
}
