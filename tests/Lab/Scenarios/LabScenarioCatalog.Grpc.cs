using Nginx502Bot.Lab.Backends;

namespace Nginx502Bot.Lab.Scenarios;

public static partial class LabScenarioCatalog
{
    /// <summary>
    /// grpc_pass to a raw HTTP/2 backend (lab_backends.py) that reads nginx's preface and request, sends SETTINGS and its
    /// ACK, then misbehaves on stream 1. In the header phase every such error is NGX_HTTP_UPSTREAM_INVALID_HEADER: 502.
    /// </summary>
    private static IEnumerable<LabScenarioDefinition> Grpc()
    {
        yield return GrpcHeaderPhase("grpc_goaway", "the HTTP/2 backend answers with GOAWAY, last-stream-id 0, error 0 (NO_ERROR)",
            "h2_goaway");
        yield return GrpcHeaderPhase("grpc_stream_refused", "the HTTP/2 backend resets stream 1 with RST_STREAM REFUSED_STREAM (7)",
            "h2_rst_stream");
        yield return GrpcHeaderPhase("grpc_data_before_headers", "the HTTP/2 backend sends a DATA frame before any HEADERS",
            "h2_data_first");
        yield return GrpcHeaderPhase("grpc_status_100", "the HTTP/2 backend's only header block says :status 100",
            "h2_status_100");
        yield return GrpcHeaderPhase("grpc_status_invalid", "the HTTP/2 backend's header block says :status abc",
            "h2_status_invalid");
        yield return GrpcHeaderPhase("grpc_no_status", "the HTTP/2 backend's header block has content-type but no :status",
            "h2_no_status");
        yield return GrpcHeaderPhase("grpc_unknown_stream", "the HTTP/2 backend answers on stream 3, which nginx never opened",
            "h2_unknown_stream");
        yield return GrpcHeaderPhase("grpc_push_promise", "the HTTP/2 backend sends a PUSH_PROMISE (nginx disabled push)",
            "h2_push_promise");
        yield return GrpcHeaderPhase("grpc_pseudo_header", "the HTTP/2 backend's header block starts with :path, a request pseudo-header",
            "h2_pseudo_header");
        yield return GrpcHeaderPhase("grpc_duplicate_status", "the HTTP/2 backend's header block has :status 200 twice",
            "h2_duplicate_status");
        // Two records: the HPACK error, then the follow-up "upstream sent invalid header" (the decisive, last one).
        yield return GrpcHeaderPhase("grpc_bad_table_index", "the HTTP/2 backend's header block indexes an empty dynamic table (62)",
            "h2_bad_table_index");
        yield return GrpcHeaderPhase("grpc_settings_on_stream", "the HTTP/2 backend sends a SETTINGS frame on stream 1",
            "h2_settings_on_stream");
        yield return GrpcHeaderPhase("grpc_ping_ack", "the HTTP/2 backend sends an unsolicited PING with the ACK flag",
            "h2_ping_ack");
        // Not here: a WINDOW_UPDATE of 0 (K32). nginx 1.22.1 takes it silently, on stream 0 and on stream 1.
        yield return GrpcHeaderPhase("grpc_window_overflow", "the HTTP/2 backend grows the connection window past 2^31-1",
            "h2_window_overflow");
        foreach (var frameError in FrameErrors())
        {
            yield return frameError;
        }

        // nginx 1.22.1 writes the generic "upstream sent too big header" here (the buffer filled while the HPACK
        // parser still wanted bytes), not the gRPC module's own "upstream sent too large http2 header".
        yield return new()
        {
            Name = "grpc_header_too_big",
            Breaks = "the HTTP/2 backend's header block carries an 8000-byte header value; grpc_buffer_size is 4k",
            ExpectedCause = "header_too_big",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = _ => GrpcRaw("h2_header_too_big"),
        };

        // K11 "upstream prematurely closed stream", from ngx_http_grpc_filter: the header already went out (200). In
        // 1.22 its other source, ngx_http_grpc_filter_init, cannot fire: a header block with END_STREAM zeroes the length.
        yield return GrpcBodyPhase("grpc_stream_closed",
            "the HTTP/2 backend announces content-length 10, then sends 2 bytes of DATA that end the stream",
            "h2_stream_closed");
        yield return GrpcBodyPhase("grpc_trailer_without_end_stream",
            "the HTTP/2 backend sends :status 200, then a second header block (trailers) that does not end the stream",
            "h2_trailer_without_end_stream");
        yield return GrpcBodyPhase("grpc_frame_after_end_stream",
            "the HTTP/2 backend ends stream 1 with its header block, then sends DATA on it",
            "h2_frame_after_end_stream");
        yield return GrpcBodyPhase("grpc_data_unknown_stream", "the HTTP/2 backend sends :status 200, then DATA on stream 3",
            "h2_data_unknown_stream");
        yield return GrpcBodyPhase("grpc_trailer_pseudo_header", "the HTTP/2 backend's trailers carry :status",
            "h2_trailer_pseudo_header");
        yield return GrpcBodyPhase("grpc_body_too_long", "the HTTP/2 backend announces content-length 1 and sends 2 bytes of DATA",
            "h2_body_too_long");
    }

    /// <summary>Malformed frames and header blocks (HPACK), each rejected by nginx's HTTP/2 parser in the header phase.</summary>
    private static IEnumerable<LabScenarioDefinition> FrameErrors()
    {
        yield return GrpcHeaderPhase("grpc_headers_short", "a HEADERS frame with the PRIORITY flag and a 1-byte payload",
            "h2_headers_short");
        yield return GrpcHeaderPhase("grpc_padding_too_long", "a padded HEADERS frame announcing more padding than it holds",
            "h2_padding_too_long");
        yield return GrpcHeaderPhase("grpc_table_size_update", "a header block that sizes the HPACK dynamic table to 16",
            "h2_table_size_update");
        yield return GrpcHeaderPhase("grpc_table_index_continuation", "a literal's name index whose continuation byte has the continuation bit",
            "h2_table_index_continuation");
        yield return GrpcHeaderPhase("grpc_empty_header_name", "a header block with a zero-length header name",
            "h2_empty_header_name");
        yield return GrpcHeaderPhase("grpc_huge_header_name", "a header name length longer than nginx's three continuation bytes",
            "h2_huge_name_length");
        yield return GrpcHeaderPhase("grpc_huge_header_value", "a header value length longer than nginx's three continuation bytes",
            "h2_huge_value_length");
        yield return GrpcHeaderPhase("grpc_truncated_header", "a header block that ends inside a value announced as 20000 bytes",
            "h2_truncated_header");
        yield return GrpcHeaderPhase("grpc_bad_huffman", "a header block whose Huffman-coded name holds the EOS symbol",
            "h2_bad_huffman");
        yield return GrpcHeaderPhase("grpc_uppercase_header", "a header block with the header name X-Lab (HTTP/2 names are lowercase)",
            "h2_uppercase_header");
        yield return GrpcHeaderPhase("grpc_rst_stream_short", "an RST_STREAM frame with a 2-byte payload", "h2_rst_stream_short");
        yield return GrpcHeaderPhase("grpc_goaway_on_stream", "a GOAWAY frame on stream 1", "h2_goaway_on_stream");
        yield return GrpcHeaderPhase("grpc_goaway_short", "a GOAWAY frame with a 4-byte payload", "h2_goaway_short");
        yield return GrpcHeaderPhase("grpc_window_update_short", "a WINDOW_UPDATE frame with a 3-byte payload",
            "h2_window_update_short");
        yield return GrpcHeaderPhase("grpc_settings_ack_payload", "a SETTINGS ACK that carries a setting", "h2_settings_ack_payload");
        yield return GrpcHeaderPhase("grpc_settings_short", "a SETTINGS frame with a 5-byte payload", "h2_settings_short");
        yield return GrpcHeaderPhase("grpc_settings_window_too_large", "SETTINGS_INITIAL_WINDOW_SIZE of 2^31",
            "h2_settings_window_too_large");
        yield return GrpcHeaderPhase("grpc_ping_on_stream", "a PING frame on stream 1", "h2_ping_on_stream");
        yield return GrpcHeaderPhase("grpc_ping_short", "a PING frame with a 4-byte payload", "h2_ping_short");
    }

    private static LabScenarioDefinition GrpcHeaderPhase(string name, string breaks, string mode) =>
        Scenario(name, breaks, "invalid_header", 502, "502", _ => GrpcRaw(mode));

    /// <summary>gRPC is never buffered: body errors in the header's read carry the header-phase action, status 200.</summary>
    private static LabScenarioDefinition GrpcBodyPhase(string name, string breaks, string mode) =>
        Scenario(name, breaks, "response_truncated", null, "200", _ => GrpcRaw(mode));

    private static LabLocation GrpcRaw(string mode)
    {
        var port = LabTargets.Port();
        return new LabLocation
        {
            Directives = [$"grpc_pass grpc://127.0.0.1:{port};"],
            Dials = $"127.0.0.1:{port}",
            Backends = [new LabBackend { Mode = mode, Port = port }],
        };
    }
}
