namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>A listening socket from /proc/net/{tcp,tcp6,unix}, mapped to its process when the agent could see it.</summary>
public sealed record Listener
{
    public required SocketFamily Family { get; init; }

    /// <summary>Bound address (<c>127.0.0.1</c>, <c>::</c>, <c>0.0.0.0</c>); empty for unix sockets.</summary>
    public string Address { get; init; } = "";
    public int Port { get; init; }

    /// <summary>Unix socket path.</summary>
    public string? Path { get; init; }
    public long Inode { get; init; }
    public int? Pid { get; init; }
    public string? Process { get; init; }

    /// <summary><c>127.0.0.1:8000</c>, <c>[::1]:8000</c> or <c>unix:/path</c>.</summary>
    public string Endpoint => Family switch
    {
        SocketFamily.Unix => "unix:" + Path,
        SocketFamily.IPv6 => $"[{Address}]:{Port}",
        _ => $"{Address}:{Port}",
    };
}
