namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>A running (or explicitly configured) nginx master and what its configuration says.</summary>
public sealed record NginxInstance
{
    /// <summary>Master pid; 0 when the instance was configured rather than discovered.</summary>
    public int Pid { get; init; }
    public string? Binary { get; init; }
    public string? Version { get; init; }
    public required string ConfigPath { get; init; }
    public string? Prefix { get; init; }

    /// <summary>User the worker processes run as (from /proc, else the <c>user</c> directive, else nginx's default).</summary>
    public string? WorkerUser { get; init; }

    public IReadOnlyList<NginxServerBlock> ServerBlocks { get; init; } = [];
    public IReadOnlyList<PassDirective> Passes { get; init; } = [];
    public IReadOnlyList<UpstreamBlock> Upstreams { get; init; } = [];
    public IReadOnlyList<string> ErrorLogs { get; init; } = [];
    public IReadOnlyList<string> AccessLogs { get; init; } = [];

    /// <summary>Parse problems (missing include, unbalanced brace), each with file:line.</summary>
    public IReadOnlyList<string> ConfigErrors { get; init; } = [];
}
