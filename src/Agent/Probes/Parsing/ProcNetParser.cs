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

    /// <summary>
    /// Every row of a tcp/tcp6 table. A busy host has thousands of rows (TIME_WAIT mostly) that differ in ports only,
    /// so fields are read as spans and each distinct address and state is decoded once per table.
    /// </summary>
    public static IEnumerable<TcpSocketRow> TcpSockets(string table)
    {
        var rows = new List<TcpSocketRow>();
        var addresses = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var states = new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Span<Range> fields = stackalloc Range[10];
        var header = true;
        foreach (var range in table.AsSpan().Split('\n'))
        {
            var line = table.AsSpan(range);
            if (header) { header = false; continue; }
            if (Fields(line, fields) < fields.Length) { continue; }
            var local = Endpoint(line[fields[1]], addresses);
            var remote = Endpoint(line[fields[2]], addresses);
            if (local is null || remote is null || !long.TryParse(line[fields[9]], out var inode)) { continue; }
            rows.Add(new TcpSocketRow(local.Value.Address, local.Value.Port, remote.Value.Address, remote.Value.Port, State(line[fields[3]], states), inode));
        }

        return rows;
    }

    /// <summary>The first <c>fields.Length</c> space-separated fields of a line (runs of spaces count as one); how many were found.</summary>
    private static int Fields(ReadOnlySpan<char> line, Span<Range> fields)
    {
        var count = 0;
        var i = 0;
        while (count < fields.Length)
        {
            while (i < line.Length && line[i] == ' ') { i++; }
            if (i == line.Length) { break; }
            var start = i;
            while (i < line.Length && line[i] != ' ') { i++; }
            fields[count++] = start..i;
        }

        return count;
    }

    private static string State(ReadOnlySpan<char> hex, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> texts)
    {
        if (texts.TryGetValue(hex, out var known)) { return known; }
        var upper = hex.ToString().ToUpperInvariant();
        texts[hex] = upper;
        return upper;
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

    private static (string Address, int Port)? Endpoint(ReadOnlySpan<char> field, Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> texts)
    {
        var colon = field.IndexOf(':');
        if (colon < 0 || !int.TryParse(field[(colon + 1)..], NumberStyles.HexNumber, null, out var port)) { return null; }
        var hex = field[..colon];
        if (!texts.TryGetValue(hex, out var address))
        {
            if (Address(hex) is not { } decoded) { return null; }
            address = decoded;
            texts[hex] = address;
        }

        return (address, port);
    }

    /// <summary>An address as /proc prints it: each 32-bit word a host-order integer, so each word's bytes are reversed.</summary>
    private static string? Address(ReadOnlySpan<char> hex)
    {
        var bytes = new byte[hex.Length / 2];
        for (var word = 0; word < bytes.Length / 4; word++)
        {
            for (var b = 0; b < 4; b++)
            {
                bytes[word * 4 + b] = byte.Parse(hex.Slice(word * 8 + (3 - b) * 2, 2), NumberStyles.HexNumber);
            }
        }

        if (bytes.Length is not (4 or 16)) { return null; }
        var ip = new IPAddress(bytes);
        if (ip.IsIPv4MappedToIPv6) { ip = ip.MapToIPv4(); }
        return ip.ToString();
    }
}
