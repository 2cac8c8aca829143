using Nginx502Bot.Diagnostics.Records;
using Nginx502Bot.Diagnostics.Vocabulary;

namespace Nginx502Bot.Diagnostics.Findings;

/// <summary>
/// Records grouped by upstream target and cause, with what they establish (facts), what they suggest (likely causes),
/// the remediation filled in with the records' real values, and what host evidence would have to confirm.
/// </summary>
public sealed record Finding
{
    /// <summary>Line-level cause shared by the grouped records.</summary>
    public required string Cause { get; init; }

    /// <summary>Root-cause id: the line-level cause unless companion records or host evidence refine it.</summary>
    public required string RootCause { get; init; }

    /// <summary>The peer (<c>127.0.0.1:8000</c>, <c>unix:/run/php/php-fpm.sock</c>), an upstream block name, or a resolver name.</summary>
    public string? Target { get; init; }

    /// <summary>Scheme of the <c>upstream:</c> field: http, https, fastcgi, uwsgi, scgi, grpc, grpcs, memcached, stream.</summary>
    public string? Scheme { get; init; }

    public required int Count { get; init; }
    public DateTime? FirstSeen { get; init; }
    public DateTime? LastSeen { get; init; }

    /// <summary>Distinct <c>server:</c> names, capped; <see cref="MoreServers"/> counts the rest.</summary>
    public IReadOnlyList<string> Servers { get; init; } = [];
    public int MoreServers { get; init; }
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>Distinct request paths (no query string), capped; <see cref="MorePaths"/> counts the rest.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];
    public int MorePaths { get; init; }

    /// <summary>Records per client status ("502", "504", "009", "-"), and <see cref="FindingState.Retried"/>.</summary>
    public IReadOnlyDictionary<string, int> Statuses { get; init; } = new Dictionary<string, int>();

    /// <summary>Requests (<c>*cid</c> + request line) that failed on more than one upstream member.</summary>
    public int RetriedRequests { get; init; }

    public required Confidence Confidence { get; init; }

    /// <summary>One line an operator reads first.</summary>
    public required string Summary { get; init; }

    /// <summary>What the records establish by themselves.</summary>
    public IReadOnlyList<string> Facts { get; init; } = [];

    /// <summary>What the records suggest but do not prove.</summary>
    public IReadOnlyList<string> LikelyCauses { get; init; } = [];

    /// <summary>A few representative records and every correlated companion record (capped).</summary>
    public IReadOnlyList<LogRecord> Evidence { get; init; } = [];

    /// <summary>Commands with the real values from the records.</summary>
    public IReadOnlyList<string> Remediation { get; init; } = [];

    /// <summary>What the host agent would have to check when the lines alone cannot decide.</summary>
    public IReadOnlyList<string> ToConfirm { get; init; } = [];
}
