using Nginx502Bot.Agent.Host;
using Nginx502Bot.Agent.Probes.Parsing;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes;

/// <summary>
/// /proc/net/tcp, tcp6 and unix read and parsed once per run and shared by every probe that needs them (listeners,
/// ephemeral ports): one consistent picture of the sockets, and no table read twice in one diagnosis.
/// </summary>
public sealed class ProcNetSnapshot
{
    private ProcNetSnapshot(TcpSocketRow[] tcp4, TcpSocketRow[] tcp6, Listener[] unix)
    {
        Tcp4 = tcp4;
        Tcp6 = tcp6;
        UnixListeners = unix;
    }

    public IReadOnlyList<TcpSocketRow> Tcp4 { get; }
    public IReadOnlyList<TcpSocketRow> Tcp6 { get; }
    public IReadOnlyList<Listener> UnixListeners { get; }

    public static ProcNetSnapshot Read(HostFileSystem files) => new(
        [.. ProcNetParser.TcpSockets(files.ReadText("/proc/net/tcp") ?? "")],
        [.. ProcNetParser.TcpSockets(files.ReadText("/proc/net/tcp6") ?? "")],
        [.. ProcNetParser.UnixListeners(files.ReadText("/proc/net/unix") ?? "")]);

    /// <summary>Listening sockets in table order: tcp, then tcp6, then unix (the order the evidence has always had).</summary>
    public IEnumerable<Listener> Listeners() =>
        ProcNetParser.TcpListeners(Tcp4, SocketFamily.IPv4).Concat(ProcNetParser.TcpListeners(Tcp6, SocketFamily.IPv6)).Concat(UnixListeners);

    /// <summary>Every non-listening TCP row of both tables.</summary>
    public IEnumerable<TcpSocketRow> Connections() => Tcp4.Concat(Tcp6).Where(r => r.State != ProcNetParser.Listen);
}
