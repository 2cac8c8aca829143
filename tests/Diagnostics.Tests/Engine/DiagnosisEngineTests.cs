using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Findings;

namespace Nginx502Bot.Diagnostics.Tests.Engine;

/// <summary>The agent's findings-only entry point finds exactly what the full analysis finds.</summary>
public sealed class DiagnosisEngineTests
{
    [Fact]
    public void AnalyzeFindings_OnTheSampleLog_GivesTheFindingsOfAnalyze_WithoutRecords()
    {
        var text = File.ReadAllText(Path.Combine(Repository(), "samples", "mixed-502.log"));

        var full = DiagnosisEngine.Analyze(text);
        var findingsOnly = DiagnosisEngine.AnalyzeFindings(text);

        Assert.NotEmpty(full.Records);
        Assert.Empty(findingsOnly.Records);
        Assert.NotEmpty(full.Findings);
        Assert.Equal(full.Findings.Select(Key), findingsOnly.Findings.Select(Key));
    }

    private static string Key(Finding f) =>
        string.Join('|', f.Cause, f.RootCause, f.Target, f.Count, f.FirstSeen, f.LastSeen, f.RetriedRequests, f.Summary,
            string.Join(',', f.Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}={s.Value}")), string.Join(',', f.Servers),
            string.Join(',', f.Paths), string.Join(',', f.Evidence.Select(e => e.Line)), string.Join(';', f.Remediation));

    private static string Repository([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", ".."));
}
