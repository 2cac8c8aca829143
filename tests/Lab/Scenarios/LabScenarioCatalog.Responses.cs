namespace Nginx502Bot.Lab.Scenarios;

public static partial class LabScenarioCatalog
{
    private static IEnumerable<LabScenarioDefinition> Responses()
    {
        yield return Response("premature_close", "the backend accepts, reads the request and closes without answering",
            "close", "premature_close", 502, "502");
        yield return Response("connection_reset", "the backend reads the request and resets the connection (SO_LINGER 0)",
            "reset", "connection_reset", 502, "502");
        yield return Response("header_too_big", "the backend sends a 16 KiB header line, more than proxy_buffer_size (4k)",
            "big_header", "header_too_big", 502, "502");
        yield return Response("invalid_header", "the backend sends a header name with a 0x01 byte",
            "invalid_header", "invalid_header", 502, "502");

        // nginx 1.22 predates the 1.23.0 checks (commit d22157fad): neither a second Content-Length nor Content-Length
        // with Transfer-Encoding is rejected. The later Content-Length (3) wins, 2 bytes arrive: a cut body, status 200.
        yield return Response("duplicate_content_length", "the backend sends Content-Length: 2 then Content-Length: 3 and 2 bytes",
            "dup_content_length", "response_truncated", null, "200");
        yield return Response("content_length_and_chunked", "the backend sends Content-Length and Transfer-Encoding: chunked",
            "cl_and_te", null, null, "200");

        // The header was already sent (200), so the record implies no status of its own.
        yield return Response("body_truncated", "the backend announces Content-Length 100, sends 10 bytes and closes",
            "truncated", "response_truncated", null, "200");
        // [warn] lines after a whole response (reference 2.N): the client got its 200 and the body it was promised.
        yield return Response("more_than_content_length", "the backend announces Content-Length 2 and sends 11 bytes",
            "more_than_content_length", "not_an_upstream_error", null, "200");
        yield return Response("data_after_final_chunk", "the backend sends bytes after the final chunk of a chunked body",
            "data_after_final_chunk", "not_an_upstream_error", null, "200");
        yield return Response("invalid_chunked_body", "the backend sends Transfer-Encoding: chunked with a bad chunk size",
            "bad_chunked", "response_truncated", null, "200");
    }

    private static LabScenarioDefinition Response(string name, string breaks, string mode, string? cause, int? status,
        string clientStatus) => Scenario(name, breaks, cause, status, clientStatus, _ => Raw(mode));
}
