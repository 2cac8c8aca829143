using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Diagnostics.NginxConfig;

/// <summary>
/// One directive with its arguments and where it was written. <see cref="Block"/> is null for simple directives and
/// holds the children of block directives (http, server, location, upstream). Includes are already expanded in place.
/// </summary>
public sealed record ConfigDirective
{
    public required string Name { get; init; }
    public IReadOnlyList<string> Args { get; init; } = [];
    public required SourceLocation Location { get; init; }
    public IReadOnlyList<ConfigDirective>? Block { get; init; }

    public string? Arg(int index) => index < Args.Count ? Args[index] : null;
}
