namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>A PHP-FPM pool section: where it listens and who may connect.</summary>
public sealed record PhpFpmPool
{
    public required string Name { get; init; }
    public required SourceLocation Location { get; init; }

    /// <summary>Raw <c>listen</c> value: a path, <c>127.0.0.1:9000</c> or a bare port.</summary>
    public string? Listen { get; init; }
    public SourceLocation? ListenLocation { get; init; }
    public string? ListenOwner { get; init; }
    public string? ListenGroup { get; init; }
    public string? ListenMode { get; init; }
    public SourceLocation? ListenModeLocation { get; init; }
    public int? MaxChildren { get; init; }
    public SourceLocation? MaxChildrenLocation { get; init; }
    public string? User { get; init; }

    /// <summary>The listen value in the form nginx logs targets: <c>unix:/path</c> or <c>host:port</c>.</summary>
    public string? ListenTarget => Listen switch
    {
        null or "" => null,
        var l when l.StartsWith('/') => "unix:" + l,
        var l when int.TryParse(l, out _) => "127.0.0.1:" + l,
        var l => l,
    };
}
