using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Diagnostics.NginxConfig;

/// <summary>What <see cref="NginxConfigSummarizer"/> extracts from one configuration.</summary>
public sealed record ConfigSummary
{
    /// <summary>The <c>user</c> directive's first argument, if any.</summary>
    public string? User { get; init; }
    public IReadOnlyList<NginxServerBlock> ServerBlocks { get; init; } = [];
    public IReadOnlyList<PassDirective> Passes { get; init; } = [];
    public IReadOnlyList<UpstreamBlock> Upstreams { get; init; } = [];
    public IReadOnlyList<string> ErrorLogs { get; init; } = [];
    public IReadOnlyList<string> AccessLogs { get; init; } = [];
}
