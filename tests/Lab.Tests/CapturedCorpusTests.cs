using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Vocabulary;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab.Tests;

/// <summary>
/// The committed golden corpus (tests/Lab/captured), analysed without starting the lab: these run anywhere, also where
/// nginx cannot run as root. Regenerate with UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class CapturedCorpusTests
{
    public static TheoryData<string> Scenarios => [.. LabScenarioCatalog.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void CapturedScenario_HasARecordWithTheExpectedCause(string name)
    {
        var definition = LabScenarioCatalog.Get(name);
        var text = CapturedCorpus.Read(name);

        var diagnosis = DiagnosisEngine.Analyze(text);

        if (definition.ExpectedCause is null)
        {
            Assert.False(diagnosis.HasUpstreamFailure, $"{name}: {string.Join(", ", diagnosis.Findings.Select(f => f.Cause))}");
        }
        else
        {
            Assert.True(diagnosis.Records.Any(r => r.Cause == definition.ExpectedCause),
                $"{name}: no record classified {definition.ExpectedCause}: "
                + string.Join("; ", diagnosis.Records.Select(r => $"{r.Cause} {ClientStatus.Format(r.Status)}")));
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void CapturedScenario_EveryLfLineBelongsToOneKnownCauseRecord(string name)
    {
        var text = CapturedCorpus.Read(name);
        var lines = text.Length == 0 ? 0 : text.TrimEnd('\n').Split('\n').Length;

        var diagnosis = DiagnosisEngine.Analyze(text);

        Assert.All(diagnosis.Records, r => Assert.Contains(r.Cause, Causes.All));
        Assert.Equal(lines, diagnosis.Records.Sum(r => r.LineCount));
    }
}
