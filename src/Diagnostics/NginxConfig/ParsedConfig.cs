namespace Nginx502Bot.Diagnostics.NginxConfig;

/// <summary>The directive tree of a configuration, the files it came from and the problems met on the way.</summary>
public sealed record ParsedConfig
{
    public required string MainFile { get; init; }
    public required IReadOnlyList<ConfigDirective> Directives { get; init; }
    public IReadOnlyList<string> Files { get; init; } = [];
    public IReadOnlyList<string> Errors { get; init; } = [];
}
