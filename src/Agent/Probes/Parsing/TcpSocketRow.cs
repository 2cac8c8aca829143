namespace Nginx502Bot.Agent.Probes.Parsing;

/// <summary>One row of /proc/net/tcp or tcp6; state is the two-digit hex code (0A listen, 01 established, 06 time-wait).</summary>
public sealed record TcpSocketRow(string LocalAddress, int LocalPort, string RemoteAddress, int RemotePort, string State, long Inode);
