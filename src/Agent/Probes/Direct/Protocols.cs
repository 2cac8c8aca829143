namespace Nginx502Bot.Agent.Probes.Direct;

/// <summary>What a port speaks, in the words of <see cref="Diagnostics.Evidence.DirectProbeResult.Speaks"/>.</summary>
public static class Protocols
{
    public const string Http = "http";
    public const string Http2 = "http2";
    public const string Tls = "tls";
    public const string FastCgi = "fastcgi";
    public const string Unknown = "unknown";

    /// <summary>Recognises a first reply: an HTTP status line, a TLS record, an HTTP/2 frame or a FastCGI record.</summary>
    public static string? Recognise(ReadOnlySpan<byte> reply)
    {
        if (reply.Length == 0) { return null; }
        if (reply.StartsWith("HTTP/"u8)) { return Http; }
        if (reply.Length >= 3 && reply[0] is 0x15 or 0x16 && reply[1] == 0x03) { return Tls; }
        if (reply.Length >= 9 && reply[3] is 0x04 or 0x07 && reply[0] == 0) { return Http2; }
        if (reply.Length >= 8 && reply[0] == 1 && reply[1] is >= 1 and <= 11) { return FastCgi; }
        return Unknown;
    }
}
