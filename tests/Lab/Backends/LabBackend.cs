namespace Nginx502Bot.Lab.Backends;

/// <summary>
/// One listener of the python backend process (<c>lab_backends.py</c>): how it misbehaves and where it listens.
/// Serialised to JSON for the script; see the script for each mode's exact bytes.
/// </summary>
public sealed record LabBackend
{
    /// <summary>close, reset, hang, big_header, invalid_header, dup_content_length, cl_and_te, truncated, bad_chunked, http,
    /// tls_http, tls_hangup, banner, stale_unix, backlog_full, dns_nxdomain; raw HTTP/2 behind grpc_pass (h2_*: see
    /// H2_REPLIES in the script); CGI-style over scgi, uwsgi and FastCGI (CGI_REPLIES) or memcached (MEMCACHED_REPLIES).</summary>
    public required string Mode { get; init; }

    public int? Port { get; init; }

    /// <summary>Unix socket path, for unix listeners.</summary>
    public string? Path { get; init; }

    /// <summary>Octal mode of a unix socket file ("600" keeps the nginx worker out).</summary>
    public string? FileMode { get; init; }

    public string? Cert { get; init; }
    public string? Key { get; init; }
}
