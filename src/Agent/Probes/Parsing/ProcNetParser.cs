using System.Globalization;
using System.Net;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes.Parsing;

/// <summary>Parses /proc/net/tcp, tcp6 and unix. Addresses are hex in host byte order per 32-bit word (little-endian here).</summary>
public static class ProcNetParser
{
    public const string Listen = "0A";
    public const string Established = "01";
    public const string TimeWait = "06";

    /// <summary>Listening TCP sockets (state 0A) of a tcp or tcp6 table.</summary>
    public static IEnumerable<Listener> TcpListeners(string table, SocketFamily family) => TcpListeners(TcpSockets(table), family);

    /// <summary>Listening TCP sockets (state 0A) among already parsed rows.</summary>
    public static IEnumerable<Listener> TcpListeners(IEnumerable<TcpSocketRow> rows, SocketFamily family) =>
        rows.Where(s => s.State == Listen).Select(s => new Listener
        {
            Family = family, Address = s.LocalAddress, Port = s.LocalPort, Inode = s.Inode,
        });

    /// <summary>Every row of a tcp/tcp6 table.</summary>
    public static IEnumerable<TcpSocketRow> TcpSockets(string table)
    {
        foreach (var line in table.Split('\n').Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 10) { continue; }
            var local = Endpoint(f[1]);
            var remote = Endpoint(f[2]);
            if (local is null || remote is null || !long.TryParse(f[9], out var inode)) { continue; }
            yield return new TcpSocketRow(local.Value.Address, local.Value.Port, remote.Value.Address, remote.Value.Port, f[3].ToUpperInvariant(), inode);
        }
    }

    /// <summary>Listening unix sockets (the __SO_ACCEPTCON flag 0x10000) with a path.</summary>
    public static IEnumerable<Listener> UnixListeners(string table)
    {
        foreach (var line in table.Split('\n').Skip(1))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 8 || !int.TryParse(f[3], NumberStyles.HexNumber, null, out var flags) || (flags & 0x10000) == 0) { continue; }
            if (!long.TryParse(f[6], out var inode) || !f[7].StartsWith('/')) { continue; }
            yield return new Listener { Family = SocketFamily.Unix, Path = f[7], Inode = inode };
        }
    }

    private static (string Address, int Port)? Endpoint(string field)
    {
        var colon = field.IndexOf(':');
        if (colon < 0 || !int.TryParse(field.AsSpan(colon + 1), NumberStyles.HexNumber, null, out var port)) { return null; }
        var hex = field[..colon];
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        {
            for (var b = 0; b < 4; b++)
            {
                // Each 32-bit word is printed as a host-order integer: reverse its bytes.
                bytes[word * 4 + b] = byte.Parse(hex.AsSpan(word * 8 + (3 - b) * 2, 2), NumberStyles.HexNumber);
            }
        }

        if (bytes.Length is not (4 or 16)) { return null; }
        var ip = new IPAddress(bytes);
        if (ip.IsIPv4MappedToIPv6) { ip = ip.MapToIPv4(); }
        return (ip.ToString(), port);
    }
}
