namespace Nginx502Bot.Lab.Scenarios;

/// <summary>
/// A scenario before the lab runs: what it breaks and what nginx 1.22 does about it. The expectations come from
/// nginx's source behaviour (shared/reference/nginx-502-messages.md) checked against what this nginx really logged.
/// </summary>
public sealed record LabScenarioDefinition
{
    /// <summary>Stable snake_case name; also the location path (<c>/name</c>) and the captured log's file name.</summary>
    public required string Name { get; init; }

    /// <summary>What is broken, in a sentence.</summary>
    public required string Breaks { get; init; }

    /// <summary>Line-level cause id of the decisive record, or null when nginx logs no error for the request.</summary>
    public required string? ExpectedCause { get; init; }

    /// <summary>Status the decisive record implies (<c>ClientStatus</c> convention: 9 for 009, null for none).</summary>
    public required int? ExpectedStatus { get; init; }

    /// <summary>The status nginx's access log wrote for the (last) request: "502", "504", "009", "200".</summary>
    public required string ExpectedClientStatus { get; init; }

    /// <summary>Cause of the companion (PHP-FPM, gunicorn) record that explains the failure, when there is one.</summary>
    public string? ExpectedCompanionCause { get; init; }

    /// <summary>
    /// What the decisive record names when it is nginx's own verdict rather than an upstream's record (auth_request's
    /// status line, limit_req's zone); null: it names the address nginx dials.
    /// </summary>
    public string? DecisiveNames { get; init; }

    /// <summary>Requests sent in a row; the last one is decisive (e.g. no live upstreams needs a failing first).</summary>
    public int Requests { get; init; } = 1;

    /// <summary>Size of a zero-filled POST body; 0 sends a GET.</summary>
    public int RequestBodyBytes { get; init; }

    /// <summary>How long the client waits for the response (the lab's default is 8 s).</summary>
    public TimeSpan? ClientTimeout { get; init; }

    /// <summary>True when the scenario needs the nginx worker to run as a non-root user (nginx started as root).</summary>
    public bool NeedsRoot { get; init; }

    public required Func<LabTargets, LabLocation> Build { get; init; }
}
