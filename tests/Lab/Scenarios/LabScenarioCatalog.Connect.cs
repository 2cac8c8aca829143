using Nginx502Bot.Lab.Backends;

namespace Nginx502Bot.Lab.Scenarios;

public static partial class LabScenarioCatalog
{
    private static IEnumerable<LabScenarioDefinition> Connect()
    {
        yield return new()
        {
            Name = "nothing_listening",
            Breaks = "proxy_pass to a loopback port where nothing listens (service stopped)",
            ExpectedCause = "upstream_down",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = _ => Proxy("http", $"127.0.0.1:{Processes.FreePorts.NextQuiet()}", []),
        };
        yield return new()
        {
            Name = "wrong_port",
            Breaks = "nginx dials port P, the HTTP backend listens on P+1",
            ExpectedCause = "upstream_down",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = _ =>
            {
                var port = Processes.FreePorts.NextPair();
                return Proxy("http", $"127.0.0.1:{port}", [new LabBackend { Mode = "http", Port = port + 1 }],
                    listensAt: $"127.0.0.1:{port + 1}");
            },
        };
    }

    private static IEnumerable<LabScenarioDefinition> UnixSockets()
    {
        yield return new()
        {
            Name = "unix_socket_missing",
            Breaks = "fastcgi_pass to a unix socket path that does not exist (pool down or another path)",
            ExpectedCause = "unix_socket_missing",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = t => FastCgi($"unix:{t.Socket("missing")}", t, "index.php"),
        };
        yield return new()
        {
            Name = "unix_socket_permission",
            Breaks = "a live HTTP backend on a unix socket owned by root with mode 0600; the worker runs as www-data",
            ExpectedCause = "unix_socket_permission",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            NeedsRoot = true,
            Build = t => Proxy("http", $"unix:{t.Socket("root-only")}",
                [new LabBackend { Mode = "http", Path = t.Socket("root-only"), FileMode = "600" }]),
        };
        yield return new()
        {
            Name = "unix_socket_stale",
            Breaks = "a unix socket file left behind by a dead backend: the file exists, nobody listens",
            ExpectedCause = "upstream_down",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = t => Proxy("http", $"unix:{t.Socket("stale")}",
                [new LabBackend { Mode = "stale_unix", Path = t.Socket("stale") }]),
        };
        yield return new()
        {
            Name = "unix_socket_backlog_full",
            Breaks = "a unix socket listener that never accepts and whose listen backlog is full",
            ExpectedCause = "listen_backlog_full",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = t => Proxy("http", $"unix:{t.Socket("full")}",
                [new LabBackend { Mode = "backlog_full", Path = t.Socket("full") }]),
        };
    }

    private static LabLocation FastCgi(string address, LabTargets targets, string script, LabBackend? backend = null) => new()
    {
        Directives =
        [
            "include /etc/nginx/fastcgi_params;",
            $"fastcgi_param SCRIPT_FILENAME {Path.Combine(targets.WebRoot, script)};",
            $"fastcgi_pass {address};",
        ],
        Dials = address,
        Backends = backend is null ? [] : [backend],
    };
}
