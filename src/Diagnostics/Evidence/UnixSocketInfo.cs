namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>What stat() says about a unix socket path nginx dials.</summary>
public sealed record UnixSocketInfo
{
    public required string Path { get; init; }
    public required bool Exists { get; init; }
    public bool IsSocket { get; init; }
    public int? Uid { get; init; }
    public int? Gid { get; init; }
    public string? Owner { get; init; }
    public string? Group { get; init; }

    /// <summary>Permission bits (e.g. 0o660).</summary>
    public int? Mode { get; init; }

    /// <summary>True when /proc/net/unix shows a listener bound to this path.</summary>
    public bool Listening { get; init; }

    /// <summary>Mode as octal text, <c>0660</c>.</summary>
    public string? ModeText => Mode is { } m ? "0" + Convert.ToString(m & 0xFFF, 8).PadLeft(3, '0') : null;
}
