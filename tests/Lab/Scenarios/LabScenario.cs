using Nginx502Bot.Lab.Backends;

namespace Nginx502Bot.Lab.Scenarios;

/// <summary>A scenario as the running lab laid it out: its URL path and where its <c>*_pass</c> directive sits.</summary>
public sealed record LabScenario
{
    public required LabScenarioDefinition Definition { get; init; }

    public string Name => Definition.Name;

    /// <summary>The path requested from nginx (the location is <c>location = /name</c>).</summary>
    public string Path => "/" + Definition.Name;

    /// <summary>The generated nginx configuration file holding the <c>*_pass</c> directive.</summary>
    public required string ConfigFile { get; init; }

    /// <summary>1-based line of the <c>*_pass</c> directive in <see cref="ConfigFile"/>.</summary>
    public required int PassLine { get; init; }

    /// <summary>The directive as written, e.g. <c>proxy_pass http://127.0.0.1:40001;</c>.</summary>
    public required string PassDirective { get; init; }

    public required string Dials { get; init; }
    public string? ListensAt { get; init; }
    public LabCompanion Companion { get; init; }

    /// <summary>The backend log to collect with the error log (PHP-FPM's or gunicorn's), or null.</summary>
    public string? CompanionLogFile { get; init; }
}
