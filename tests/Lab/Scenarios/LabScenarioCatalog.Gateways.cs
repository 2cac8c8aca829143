using Nginx502Bot.Lab.Backends;

namespace Nginx502Bot.Lab.Scenarios;

public static partial class LabScenarioCatalog
{
    /// <summary>
    /// scgi_pass, uwsgi_pass, fastcgi_pass and memcached_pass to raw backends (lab_backends.py) that read the whole
    /// request in its own framing and answer with something nginx rejects in the header phase.
    /// </summary>
    private static IEnumerable<LabScenarioDefinition> Gateways()
    {
        yield return InvalidStatus("scgi_invalid_status", "scgi", "an SCGI backend answers with the CGI header Status: abc");
        yield return InvalidStatus("uwsgi_invalid_status", "uwsgi", "a uwsgi backend answers with the CGI header Status: abc");
        yield return InvalidStatus("fastcgi_invalid_status", "fastcgi",
            "a FastCGI backend's STDOUT record carries the CGI header Status: abc");
        yield return new()
        {
            Name = "fastcgi_no_output",
            Breaks = "a FastCGI backend ends the request (END_REQUEST) without any STDOUT record",
            ExpectedCause = "fastcgi_protocol_mismatch",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = t => Gateway("fastcgi", "fastcgi_no_output", t),
        };
        yield return new()
        {
            Name = "fastcgi_stdout_closed",
            Breaks = "a FastCGI backend sends half a header line on STDOUT, then the empty STDOUT record that ends its output",
            ExpectedCause = "premature_close",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = t => Gateway("fastcgi", "fastcgi_stdout_closed", t),
        };
        yield return new()
        {
            Name = "memcached_invalid_response",
            Breaks = "memcached_pass to a service that answers the get command with a Redis-style error line",
            ExpectedCause = "invalid_header",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = _ => Memcached("memcached_garbage"),
        };
    }

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

    private static LabScenarioDefinition InvalidStatus(string name, string module, string breaks) => new()
    {
        Name = name,
        Breaks = breaks,
        ExpectedCause = "invalid_header",
        ExpectedStatus = 502,
        ExpectedClientStatus = "502",
        Build = t => Gateway(module, module + "_invalid_status", t),
    };

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
