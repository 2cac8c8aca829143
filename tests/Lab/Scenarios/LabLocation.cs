using Nginx502Bot.Lab.Backends;

namespace Nginx502Bot.Lab.Scenarios;

/// <summary>What one scenario adds to the lab: its location's directives, http-level blocks and the backends it needs.</summary>
public sealed record LabLocation
{
    /// <summary>Directives inside <c>location = /name { }</c>; exactly one is the <c>*_pass</c> directive.</summary>
    public required IReadOnlyList<string> Directives { get; init; }

    /// <summary>The address nginx dials: <c>127.0.0.1:P</c>, <c>unix:/path</c>, an upstream block or a host name.</summary>
    public required string Dials { get; init; }

    /// <summary>Where the backend really listens, for wrong-target scenarios; null when it is where nginx dials.</summary>
    public string? ListensAt { get; init; }

    /// <summary>Lines at http level (upstream blocks) placed before the server block.</summary>
    public IReadOnlyList<string> HttpBlock { get; init; } = [];

    /// <summary>Lines in the lab's server block before the scenario's location (an internal location for a subrequest).</summary>
    public IReadOnlyList<string> ServerBlock { get; init; } = [];

    public IReadOnlyList<LabBackend> Backends { get; init; } = [];

    public LabCompanion Companion { get; init; }
}
