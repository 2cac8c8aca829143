using Nginx502Bot.Lab.Backends;

namespace Nginx502Bot.Lab.Scenarios;

public static partial class LabScenarioCatalog
{
    /// <summary>
    /// scgi_pass, uwsgi_pass, fastcgi_pass and memcached_pass to raw backends (lab_backends.py) that read the whole
    /// request in its own framing and answer with something nginx rejects: in the header phase (502), or in the body
    /// after the header went out (200, a cut response), or a memcached miss (404).
    /// </summary>
    private static IEnumerable<LabScenarioDefinition> Gateways()
    {
        yield return InvalidStatus("scgi_invalid_status", "scgi", "an SCGI backend answers with the CGI header Status: abc");
        yield return InvalidStatus("uwsgi_invalid_status", "uwsgi", "a uwsgi backend answers with the CGI header Status: abc");
        yield return InvalidStatus("fastcgi_invalid_status", "fastcgi",
            "a FastCGI backend's STDOUT record carries the CGI header Status: abc");
        yield return FastCgiRaw("fastcgi_no_output", "a FastCGI backend ends the request (END_REQUEST) without any STDOUT record",
            "fastcgi_no_output", "fastcgi_protocol_mismatch", 502, "502");
        yield return FastCgiRaw("fastcgi_stdout_closed",
            "a FastCGI backend sends half a header line on STDOUT, then the empty STDOUT record that ends its output",
            "fastcgi_stdout_closed", "premature_close", 502, "502");
        yield return FastCgiRaw("fastcgi_bad_record_type", "a FastCGI backend answers with a record of type 12",
            "fastcgi_bad_record_type", "fastcgi_protocol_mismatch", 502, "502");
        yield return FastCgiRaw("fastcgi_wrong_request_id", "a FastCGI backend answers nginx's request 1 with a STDOUT record for request 2",
            "fastcgi_wrong_request_id", "fastcgi_protocol_mismatch", 502, "502");
        yield return FastCgiRaw("fastcgi_request_cut", "a FastCGI backend announces Content-Length 10, sends 2 bytes and ends the request",
            "fastcgi_request_cut", "response_truncated", null, "200");
        yield return MemcachedRaw("memcached_invalid_response",
            "memcached_pass to a service that answers the get command with a Redis-style error line",
            "memcached_garbage", "invalid_header", 502, "502");
        yield return MemcachedRaw("memcached_wrong_key", "memcached answers VALUE for another key than the one asked for",
            "memcached_wrong_key", "invalid_header", 502, "502");
        yield return MemcachedRaw("memcached_invalid_length", "memcached answers VALUE with a length that is not a number",
            "memcached_bad_length", "invalid_header", 502, "502");
        // [info] "key: ... was not found by memcached" and nginx's own 404: not an upstream failure.
        yield return MemcachedRaw("memcached_key_missing", "memcached answers END: the key is not cached",
            "memcached_miss", "not_an_upstream_error", 404, "404");
        yield return MemcachedRaw("memcached_invalid_trailer", "memcached sends the value's 2 bytes, then BAD where END belongs",
            "memcached_bad_trailer", "response_truncated", null, "200");
    }

    private static LabScenarioDefinition FastCgiRaw(string name, string breaks, string mode, string cause, int? status,
        string clientStatus) => Scenario(name, breaks, cause, status, clientStatus, t => Gateway("fastcgi", mode, t));

    private static LabScenarioDefinition MemcachedRaw(string name, string breaks, string mode, string cause, int? status,
        string clientStatus) => Scenario(name, breaks, cause, status, clientStatus, _ => Memcached(mode));

    private static LabLocation Memcached(string mode)
    {
        var port = LabTargets.Port();
        return new LabLocation
        {
            Directives = ["set $memcached_key \"$uri\";", $"memcached_pass 127.0.0.1:{port};"],
            Dials = $"127.0.0.1:{port}",
            Backends = [new LabBackend { Mode = mode, Port = port }],
        };
    }

    private static LabScenarioDefinition InvalidStatus(string name, string module, string breaks) =>
        Scenario(name, breaks, "invalid_header", 502, "502", t => Gateway(module, module + "_invalid_status", t));

    private static LabLocation Gateway(string module, string mode, LabTargets targets)
    {
        var port = LabTargets.Port();
        var backend = new LabBackend { Mode = mode, Port = port };
        if (module == "fastcgi")
        {
            return FastCgi($"127.0.0.1:{port}", targets, "index.php", backend);
        }

        return new LabLocation
        {
            Directives = [$"include /etc/nginx/{module}_params;", $"{module}_pass 127.0.0.1:{port};"],
            Dials = $"127.0.0.1:{port}",
            Backends = [backend],
        };
    }
}
