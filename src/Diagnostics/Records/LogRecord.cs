namespace Nginx502Bot.Diagnostics.Records;

/// <summary>
/// One input record, classified. A record is one physical line, or several when nginx wrote FastCGI stderr with
/// embedded newlines. Fields that the record does not carry are <c>null</c>.
/// </summary>
public sealed record LogRecord
{
    /// <summary>1-based number of the physical line where the record starts.</summary>
    public required int Line { get; init; }

    /// <summary>How many physical lines the record spans.</summary>
    public int LineCount { get; init; } = 1;

    /// <summary>
    /// Which input the record came from, 0-based in the order the inputs were given: with several files, <see cref="Line"/>
    /// counts within that one. Always 0 for a single input.
    /// </summary>
    public int Input { get; init; }

    public required RecordKind Kind { get; init; }

    /// <summary>Line-level cause id from <see cref="Vocabulary.Causes"/>.</summary>
    public required string Cause { get; init; }

    /// <summary>Status the client most likely saw; see <see cref="Vocabulary.ClientStatus"/>.</summary>
    public int? Status { get; init; }

    /// <summary>Wall-clock time as the log wrote it (nginx logs local time without a zone).</summary>
    public DateTime? Time { get; init; }

    public string? Level { get; init; }
    public int? Pid { get; init; }
    public long? ConnectionId { get; init; }

    /// <summary>The message without errno, action and suffix.</summary>
    public string? Message { get; init; }

    public int? Errno { get; init; }
    public string? ErrnoText { get; init; }
    public string? Action { get; init; }
    public string? Client { get; init; }
    public string? Server { get; init; }
    public string? Request { get; init; }
    public string? Subrequest { get; init; }

    /// <summary>The <c>upstream:</c> field as written: schema, peer and URI.</summary>
    public string? Upstream { get; init; }

    /// <summary>The peer taken from <see cref="Upstream"/> (or the message): <c>127.0.0.1:8000</c>, <c>unix:/run/x.sock</c>, or an upstream block name.</summary>
    public string? UpstreamTarget { get; init; }

    public string? Host { get; init; }
    public string? Referrer { get; init; }
    public string? Resolver { get; init; }

    /// <summary>Backend pool, process or service the companion record names (PHP-FPM pool, killed process name).</summary>
    public string? Subject { get; init; }

    /// <summary>Where the line came from when it was wrapped: a container name or a syslog host.</summary>
    public string? Origin { get; init; }

    /// <summary>True when nginx cut the line at its 2048-byte limit (the suffix is partly or wholly missing).</summary>
    public bool Truncated { get; init; }

    /// <summary>The record's text after unwrapping (syslog, container and JSON envelopes removed), capped for evidence.</summary>
    public required string Text { get; init; }
}
