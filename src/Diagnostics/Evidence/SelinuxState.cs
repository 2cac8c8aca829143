namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>SELinux mode and the booleans that matter for nginx (AVCs are <see cref="HostEvent"/>s).</summary>
public sealed record SelinuxState
{
    public required SelinuxMode Mode { get; init; }
    public IReadOnlyDictionary<string, bool> Booleans { get; init; } = new Dictionary<string, bool>();
}
