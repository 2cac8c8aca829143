using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab.Tests;

/// <summary>The lab itself: each scenario makes nginx answer and log what the catalogue says (independent of the engine).</summary>
[Collection(RealNginxLab.Name)]
public sealed class LabRunTests(LabFixture fixture)
{
    public static TheoryData<string> Scenarios => [.. LabScenarioCatalog.All.Select(d => d.Name)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_NginxAnswersTheExpectedStatus(string name)
    {
        var result = fixture.Results[name];

        var hint = result.Scenario.Definition.NeedsRoot && Environment.UserName != "root" ? " (this scenario needs root)" : "";
        Assert.True(result.Scenario.Definition.ExpectedClientStatus == result.ClientStatus,
            $"{name}: nginx logged status {result.ClientStatus}, expected {result.Scenario.Definition.ExpectedClientStatus}{hint}\n{result.Text}");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_DecisiveRecordPresentExactlyWhenAnErrorIsExpected(string name)
    {
        var result = fixture.Results[name];

        Assert.True(result.Scenario.Definition.ExpectedCause is not null == result.DecisiveLine is not null,
            $"{name}: decisive line {result.DecisiveLine}, expected cause {result.Scenario.Definition.ExpectedCause}\n{result.Text}");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_DecisiveRecordNamesTheAddressNginxDials(string name)
    {
        var result = fixture.Results[name];
        var decisive = result.DecisiveText;
        var named = result.Scenario.Definition.DecisiveNames ?? result.Scenario.Dials;

        // Resolver failures carry no upstream field; their message names the host instead.
        Assert.True(decisive is null || decisive.Contains(named, StringComparison.Ordinal),
            $"{name}: decisive record does not name {named}: {decisive}");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_PassDirectiveLineNamesTheDirective(string name)
    {
        var scenario = fixture.Lab[name];

        var line = File.ReadAllLines(scenario.ConfigFile)[scenario.PassLine - 1];

        Assert.Equal(scenario.PassDirective, line.Trim());
    }
}
