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

        // In 1.22 the only source of this line is the filter's init (ngx_http_grpc_filter_init), which runs after
        // ngx_http_send_header: the client already has the 200, the action still says "reading response header".
        yield return new()
        {
            Name = "grpc_stream_closed",
            Breaks = "the HTTP/2 backend's header block says :status 200, content-length 10 and ends the stream with no body",
            ExpectedCause = "response_truncated",
            ExpectedStatus = null,
            ExpectedClientStatus = "200",
            Build = _ => GrpcRaw("h2_stream_closed"),
        };
    }

    private static LabScenarioDefinition GrpcHeaderPhase(string name, string breaks, string mode) => new()
    {
        Name = name,
        Breaks = breaks,
        ExpectedCause = "invalid_header",
        ExpectedStatus = 502,
        ExpectedClientStatus = "502",
        Build = _ => GrpcRaw(mode),
    };

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
