namespace Nginx502Bot.Diagnostics.Remediation;

/// <summary>The pieces of a target that remediation commands need: host, port, socket path, or an upstream block name.</summary>
public sealed record TargetParts(string Raw, string? Host, string? Port, string? SocketPath)
{
    public bool IsUnix => SocketPath is not null;

    /// <summary>No port and no socket: an <c>upstream{}</c> block name or a host name to resolve.</summary>
    public bool IsName => !IsUnix && Port is null;

    public static TargetParts Parse(string raw)
    {
        if (raw.StartsWith("unix:", StringComparison.Ordinal))
        {
            return new TargetParts(raw, null, null, raw[5..]);
        }

        var colon = raw.LastIndexOf(':');
        var close = raw.LastIndexOf(']');
        if (colon > 0 && colon > close && raw[(colon + 1)..].All(char.IsAsciiDigit) && colon + 1 < raw.Length)
        {
            return new TargetParts(raw, raw[..colon].Trim('[', ']'), raw[(colon + 1)..], null);
        }

        return new TargetParts(raw, raw.Length == 0 ? null : raw, null, null);
    }
}
