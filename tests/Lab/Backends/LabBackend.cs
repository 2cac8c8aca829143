namespace Nginx502Bot.Lab.Backends;

/// <summary>
/// One listener of the python backend process (<c>lab_backends.py</c>): how it misbehaves and where it listens.
/// Serialised to JSON for the script; see the script for each mode's exact bytes.
/// </summary>
public sealed record LabBackend
{
    /// <summary>close, reset, hang, big_header, invalid_header, dup_content_length, cl_and_te, truncated, bad_chunked, http,
    /// tls_http, banner, stale_unix, backlog_full, dns_nxdomain; raw HTTP/2 (h2_goaway, h2_rst_stream, h2_data_first,
    /// h2_status_100, h2_status_invalid, h2_no_status, h2_stream_closed); CGI-style (scgi_invalid_status,
    /// uwsgi_invalid_status, fastcgi_invalid_status, fastcgi_no_output, fastcgi_stdout_closed) or memcached_garbage.</summary>
    public required string Mode { get; init; }

    public int? Port { get; init; }

    /// <summary>Unix socket path, for unix listeners.</summary>
    public string? Path { get; init; }

    /// <summary>Octal mode of a unix socket file ("600" keeps the nginx worker out).</summary>
    public string? FileMode { get; init; }

    public string? Cert { get; init; }
    public string? Key { get; init; }
}
