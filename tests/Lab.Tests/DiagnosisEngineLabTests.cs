using Nginx502Bot.Diagnostics.Analysis;
using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;
using Nginx502Bot.Lab.Run;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab.Tests;

/// <summary>
/// The engine against lines the real nginx 1.22, PHP-FPM 8.2 and gunicorn 20.1 wrote in the lab. Each scenario's
/// run (error lines, then companion lines) is analysed as one paste. The decisive record is the last nginx record at
/// level error or above naming the scenario's last request, else the last record naming it (<see cref="DecisiveRecord"/>).
/// </summary>
[Collection(RealNginxLab.Name)]
public sealed class DiagnosisEngineLabTests(LabFixture fixture)
{
    private static readonly string[] ErrorLevels = ["error", "crit", "alert", "emerg"];

    public static TheoryData<string> FailingScenarios =>
        [.. LabScenarioCatalog.All.Where(d => d.ExpectedCause is not null).Select(d => d.Name)];

    public static TheoryData<string> CleanScenarios =>
        [.. LabScenarioCatalog.All.Where(d => d.ExpectedCause is null).Select(d => d.Name)];

    public static TheoryData<string> CompanionScenarios =>
        [.. LabScenarioCatalog.All.Where(d => d.ExpectedCompanionCause is not null).Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(FailingScenarios))]
    public void Scenario_DecisiveRecordGetsExpectedCauseAndStatus(string name)
    {
        var result = fixture.Results[name];
        var expected = result.Scenario.Definition;

        var record = Decisive(result, DiagnosisEngine.Analyze(result.Text));

        Assert.True(expected.ExpectedCause == record.Cause && expected.ExpectedStatus == record.Status,
            $"{name}: engine said {record.Cause} / {ClientStatus.Format(record.Status)}, expected {expected.ExpectedCause} / "
            + $"{ClientStatus.Format(expected.ExpectedStatus)} for:\n{record.Text}");
    }

    [Theory]
    [MemberData(nameof(CleanScenarios))]
    public void Scenario_NginxLoggedNoFailure_EngineFindsNone(string name)
    {
        var result = fixture.Results[name];

        var diagnosis = DiagnosisEngine.Analyze(result.Text);

        Assert.False(diagnosis.HasUpstreamFailure, $"{name}: engine found {string.Join(", ", diagnosis.Findings.Select(f => f.Cause))}");
    }

    [Theory]
    [MemberData(nameof(CompanionScenarios))]
    public void Scenario_CompanionLogExplainsTheFailure(string name)
    {
        var result = fixture.Results[name];
        var expected = result.Scenario.Definition.ExpectedCompanionCause;

        var diagnosis = DiagnosisEngine.Analyze(result.Text);

        var companions = diagnosis.Records.Where(r => r.Line > result.ErrorLines.Count).ToList();
        Assert.True(companions.Any(r => r.Cause == expected),
            $"{name}: no companion record classified {expected}: "
            + string.Join("; ", companions.Select(r => $"{r.Kind} {r.Cause}: {r.Text}")));
    }

    [Fact]
    public void EveryLabRecord_IsClassifiedWithAKnownCauseAndEveryLineBelongsToARecord()
    {
        foreach (var result in fixture.Results.Values)
        {
            var lines = result.AllLines.Count();

            var diagnosis = DiagnosisEngine.Analyze(result.Text);

            Assert.All(diagnosis.Records, r => Assert.Contains(r.Cause, Causes.All));
            // nginx ends a physical line with LF only; raw request bytes (FF, CR) inside a line do not split it.
            var covered = diagnosis.Records.Sum(r => r.LineCount);
            Assert.True(lines == covered,
                $"{result.Scenario.Name}: {lines} LF-separated lines, the engine's records span {covered}");
        }
    }

    [Fact]
    public void EveryLabErrorRecordForAFailingRequest_IsAnUpstreamFailure()
    {
        // Not where nginx's own verdict decides (a client abort, limit_req, auth_request's status line).
        var failing = fixture.Results.Values.Where(r => r.Scenario.Definition.ExpectedCause is { } cause
            && Causes.IsUpstreamFailure(cause));
        foreach (var result in failing)
        {
            var diagnosis = DiagnosisEngine.Analyze(result.Text);

            var errors = diagnosis.Records.Where(r => r.Kind == RecordKind.NginxHttp && ErrorLevels.Contains(r.Level)
                && r.Server == "lab.local");
            Assert.All(errors, r => Assert.True(Causes.IsUpstreamFailure(r.Cause), $"{result.Scenario.Name}: {r.Cause} for {r.Text}"));
        }
    }

    /// <summary>
    /// "Clients saw" is what the access log says the clients got: per scenario, the 502s and 504s the findings count are
    /// those of the access log, also where nginx tried a request on several members and logged a failure for each.
    /// </summary>
    [Fact]
    public void EveryScenario_FindingsCountThe502sAnd504sOfTheAccessLog()
    {
        var mismatches = new List<string>();
        foreach (var result in fixture.Results.Values)
        {
            var findings = DiagnosisEngine.Analyze(result.Text).Findings;
            foreach (var status in (string[])["502", "504"])
            {
                var counted = findings.Sum(f => f.Statuses.GetValueOrDefault(status));
                var logged = result.AccessLines.Count(l => l.Split(' ') is [_, var s, ..] && s == status);
                if (counted != logged)
                {
                    mismatches.Add($"{result.Scenario.Name}: findings count {counted}× {status}, the access log {logged}:\n  "
                        + string.Join("\n  ", result.AccessLines));
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public void AuthSubrequestFailure_KeepsItsCauseButLeavesTheStatusToAuthRequest()
    {
        var result = fixture.Results["auth_subrequest_failed"];

        var diagnosis = DiagnosisEngine.Analyze(result.Text);

        // nginx answered 500 (auth_request's own line); the subrequest's 502 never reached the client.
        var subrequest = Assert.Single(diagnosis.Records, r => r.Line < result.DecisiveLine);
        Assert.Equal(Causes.UpstreamDown, subrequest.Cause);
        Assert.Null(subrequest.Status);
    }

    private static LogRecord Decisive(LabResult result, Diagnosis diagnosis)
    {
        Assert.True(result.DecisiveLine is not null, $"{result.Scenario.Name}: nginx logged no record for the request:\n{result.Text}");
        var record = diagnosis.Records.FirstOrDefault(r => r.Line == result.DecisiveLine);
        Assert.True(record is not null, $"{result.Scenario.Name}: the engine has no record starting at line {result.DecisiveLine}");
        return record;
    }
}
