using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Classification.Rules;

/// <summary>
/// The client's own request errors as ngx_http_request.c logs them (<c>client sent ...</c>, a refused client certificate,
/// <c>client timed out</c>), with the status nginx answers and the access log records.
/// </summary>
internal static class ClientRequestErrors
{
    /// <summary>
    /// client_header_timeout or client_body_timeout: ngx_http_request.c and ngx_http_request_body.c log "client timed
    /// out" at info and close the request with 408 (the access log's status).
    /// </summary>
    internal static int? ClientTimeout(ReadOnlySpan<char> m, ReadOnlySpan<char> action) =>
        m.SequenceEqual("client timed out") && action.StartsWith("reading client request", StringComparison.Ordinal) ? 408 : null;

    /// <summary>
    /// ssl_verify_client refusing the client's certificate (ngx_http_process_request): NGX_HTTPS_CERT_ERROR (495), which
    /// ngx_http_special_response_handler sends, and the access log records, as 400.
    /// </summary>
    internal const string ClientCertificateError = "client SSL certificate verify error";

    /// <summary>
    /// The request-line and header errors of ngx_http_request.c (ngx_http_client_errors and friends): each is logged at
    /// info and the request finalized with 400, the too long URI with 414, an unknown HTTP version with 505. A header
    /// line or request too large for large_client_header_buffers (494) and a missing client certificate (496) are sent,
    /// and logged in the access log, as 400 (ngx_http_special_response_handler). Null for any other message.
    /// </summary>
    internal static int? ClientSentStatus(ReadOnlySpan<char> m)
    {
        if (!m.StartsWith(RequestOnlyMessages.ClientSent, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = m[RequestOnlyMessages.ClientSent.Length..];
        return rest.StartsWith("too long URI", StringComparison.Ordinal) ? 414
            : rest.StartsWith("invalid version", StringComparison.Ordinal) ? 505
            : rest.StartsWith("unknown \"Transfer-Encoding\"", StringComparison.Ordinal) ? 501
            : rest.StartsWith("invalid method", StringComparison.Ordinal) || rest.StartsWith("invalid request", StringComparison.Ordinal)
                || InvalidHeaderRejected(rest) || rest.StartsWith("invalid host header", StringComparison.Ordinal)
                || rest.StartsWith("duplicate host header", StringComparison.Ordinal) || rest.StartsWith("invalid chunked body", StringComparison.Ordinal)
                || rest.StartsWith("plain HTTP request to HTTPS port", StringComparison.Ordinal)
                || rest.StartsWith("too long header line", StringComparison.Ordinal) || rest.StartsWith("too large request", StringComparison.Ordinal)
                || rest.StartsWith("no required SSL certificate", StringComparison.Ordinal)
                || rest.StartsWith("no \"Destination\" header", StringComparison.Ordinal) || rest.StartsWith("invalid \"Destination\" header", StringComparison.Ordinal)
                || rest.StartsWith("invalid \"Overwrite\" header", StringComparison.Ordinal) || rest.StartsWith("invalid \"Depth\" header", StringComparison.Ordinal)
                || rest.StartsWith("no \"Host\" header", StringComparison.Ordinal)

                // ngx_http_process_request_header's body framing checks, and a second copy of a header that must be unique.
                || rest.StartsWith("invalid \"Content-Length\" header", StringComparison.Ordinal)
                || rest.StartsWith("\"Content-Length\" and \"Transfer-Encoding\" headers", StringComparison.Ordinal)
                || rest.StartsWith("duplicate header line", StringComparison.Ordinal)
                || (rest.StartsWith("HTTP/1.", StringComparison.Ordinal) && rest.EndsWith("request without \"Host\" header", StringComparison.Ordinal)) ? 400
            : null;
    }

    private const string InvalidHeaderLine = "invalid header line";

    /// <summary>
    /// ngx_http_process_request_headers logs "client sent invalid header line" twice over. A header it can parse but
    /// finds invalid (an underscore or a byte outside the token set in its name) is skipped under ignore_invalid_headers,
    /// the default, and the request goes on: the record quotes the whole line (<c>"Ação: fechar"</c>) and decides no
    /// status. A header it cannot parse (NGX_HTTP_PARSE_INVALID_HEADER: a NUL, a control byte) ends the request with 400,
    /// and the record quotes the line only up to that byte, written as <c>\xHH...</c>. The message quoted without the
    /// line says neither, and keeps the 400 of the parse failure.
    /// </summary>
    private static bool InvalidHeaderRejected(ReadOnlySpan<char> rest)
    {
        if (!rest.StartsWith(InvalidHeaderLine, StringComparison.Ordinal))
        {
            return false;
        }

        var quoted = rest[InvalidHeaderLine.Length..];
        if (!quoted.StartsWith(": \"", StringComparison.Ordinal))
        {
            return true;
        }

        var escape = quoted.LastIndexOf("\\x", StringComparison.Ordinal);
        return escape > 0 && quoted[escape..].Contains("...", StringComparison.Ordinal);
    }
}
