namespace Nginx502Bot.Diagnostics.Evidence;

/// <summary>
/// A direct probe of one target, bypassing nginx: TCP connect, then what the port speaks
/// (<see cref="Speaks"/>: http, tls, fastcgi, unknown; null when nothing answered).
/// </summary>
public sealed record DirectProbeResult
{
    public required string Target { get; init; }
    public required bool Connected { get; init; }
    public string? ConnectError { get; init; }
    public string? Speaks { get; init; }
    public int? HttpStatus { get; init; }
    public int? HeaderBytes { get; init; }
    public bool TlsHandshake { get; init; }
    public bool FastCgiValues { get; init; }
    public long ElapsedMs { get; init; }
    public string? Detail { get; init; }
}
