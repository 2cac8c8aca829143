namespace Nginx502Bot.Lab.Scenarios;

public static partial class LabScenarioCatalog
{
    private static IEnumerable<LabScenarioDefinition> Timeouts()
    {
        yield return new()
        {
            Name = "read_timeout",
            Breaks = "the backend accepts and never answers; proxy_read_timeout 1s",
            ExpectedCause = "upstream_timeout_read",
            ExpectedStatus = 504,
            ExpectedClientStatus = "504",
            Build = _ => Prepend(Raw("hang"), "proxy_read_timeout 1s;"),
        };
        yield return new()
        {
            Name = "connect_timeout",
            Breaks = "a TCP listener that never accepts and whose backlog is full, so SYNs are dropped; proxy_connect_timeout 1s",
            ExpectedCause = "upstream_timeout_connect",
            ExpectedStatus = 504,
            ExpectedClientStatus = "504",
            Build = _ => Prepend(Raw("backlog_full"), "proxy_connect_timeout 1s;"),
        };
    }

    private static IEnumerable<LabScenarioDefinition> SlowPeers()
    {
        // The handshake runs under proxy_connect_timeout (nginx arms the connect timer until the TLS session is up).
        yield return new()
        {
            Name = "tls_handshake_timeout",
            Breaks = "proxy_pass https:// to a backend that accepts and never answers the ClientHello; proxy_connect_timeout 1s",
            ExpectedCause = "upstream_timeout_connect",
            ExpectedStatus = 504,
            ExpectedClientStatus = "504",
            Build = _ => Prepend(Http("https", "hang"), "proxy_connect_timeout 1s;"),
        };
        yield return new()
        {
            Name = "send_timeout",
            Breaks = "a 32 MiB POST to a backend that reads the request head and then stops reading; proxy_send_timeout 1s",
            ExpectedCause = "upstream_timeout_send",
            ExpectedStatus = 504,
            ExpectedClientStatus = "504",
            RequestBodyBytes = 32 << 20,
            Build = _ => Prepend(Raw("hang"), "client_max_body_size 64m;", "proxy_send_timeout 1s;"),
        };
    }

    private static IEnumerable<LabScenarioDefinition> Clients()
    {
        yield return new()
        {
            Name = "client_gave_up",
            Breaks = "the backend never answers and the client gives up after 1 s, before nginx's 10 s read timeout",
            ExpectedCause = "client_abort",
            ExpectedStatus = 499,
            ExpectedClientStatus = "499",
            ClientTimeout = TimeSpan.FromSeconds(1),
            Build = _ => Raw("hang"),
        };
    }
}
