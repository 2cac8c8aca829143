using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab.Run;

/// <summary>What one scenario run produced: the new error-log lines, companion lines and nginx's own account of it.</summary>
public sealed record LabResult
{
    public required LabScenario Scenario { get; init; }

    /// <summary>Error-log lines nginx wrote during the run, in order (a FastCGI stderr record can span several).</summary>
    public required IReadOnlyList<string> ErrorLines { get; init; }

    /// <summary>Lines the companion log (PHP-FPM or gunicorn) gained during the run.</summary>
    public required IReadOnlyList<string> CompanionLines { get; init; }

    /// <summary>Access-log lines of the run: <c>URI STATUS "UPSTREAM_STATUS" "UPSTREAM_ADDR"</c>.</summary>
    public required IReadOnlyList<string> AccessLines { get; init; }

    /// <summary>The request lines sent (<c>GET /name?lab=N HTTP/1.1</c>), in order.</summary>
    public required IReadOnlyList<string> Requests { get; init; }

    /// <summary>The status nginx logged for the last request ("502", "009", "200"); null if it logged none in time.</summary>
    public string? ClientStatus { get; init; }

    /// <summary>The status line the client read for the last request, or null when there was none (009, nothing, cut off).</summary>
    public int? HttpStatus { get; init; }

    /// <summary>How the last request failed on the client side (reset, gave up), if it did.</summary>
    public string? HttpError { get; init; }

    /// <summary>
    /// 1-based line in <see cref="Text"/> where the decisive record starts: the last nginx record at level error or above
    /// (error, crit, alert, emerg) that names the last request. Null when nginx logged no such record.
    /// </summary>
    public int? DecisiveLine { get; init; }

    /// <summary>The decisive record's text (several lines for FastCGI stderr), or null.</summary>
    public string? DecisiveText => DecisiveLine is { } line ? DecisiveRecord.Text(ErrorLines, line) : null;

    /// <summary>Error lines then companion lines, as one paste: what the engine is given.</summary>
    public string Text => string.Join('\n', ErrorLines.Concat(CompanionLines));

    public IEnumerable<string> AllLines => ErrorLines.Concat(CompanionLines);
}
