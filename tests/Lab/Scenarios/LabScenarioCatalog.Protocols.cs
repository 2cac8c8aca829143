using Nginx502Bot.Lab.Backends;

namespace Nginx502Bot.Lab.Scenarios;

public static partial class LabScenarioCatalog
{
    private static IEnumerable<LabScenarioDefinition> Protocols()
    {
        yield return new()
        {
            Name = "https_to_plain_http",
            Breaks = "proxy_pass https:// to a plain HTTP backend",
            ExpectedCause = "upstream_tls",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = _ => Http("https", "http"),
        };
        yield return new()
        {
            Name = "http_to_tls",
            // OpenSSL rejects the plain request and closes with it unread, so the kernel resets the connection.
            Breaks = "proxy_pass http:// to an HTTPS backend (python's HTTP server behind OpenSSL)",
            ExpectedCause = "connection_reset",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = t => Http("http", "tls_http", t),
        };
        yield return new()
        {
            Name = "http_to_non_http",
            Breaks = "proxy_pass http:// to a service that speaks first with a non-HTTP banner (an sshd)",
            ExpectedCause = "protocol_mismatch",
            ExpectedStatus = 9,
            ExpectedClientStatus = "009",
            Build = _ => Raw("banner"),
        };
        yield return new()
        {
            Name = "fastcgi_to_http",
            Breaks = "fastcgi_pass to an HTTP server (a plain nginx server block of the lab, answering 400 to the FastCGI bytes)",
            ExpectedCause = "fastcgi_protocol_mismatch",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = t => FastCgi($"127.0.0.1:{t.HttpServerPort}", t, "index.php"),
        };
        yield return new()
        {
            Name = "grpc_to_http1",
            Breaks = "grpc_pass to an HTTP/1.1 server (a plain nginx server block of the lab)",
            ExpectedCause = "protocol_mismatch",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = t => new LabLocation
            {
                Directives = [$"grpc_pass grpc://127.0.0.1:{t.HttpServerPort};"],
                Dials = $"127.0.0.1:{t.HttpServerPort}",
            },
        };
    }

    private static IEnumerable<LabScenarioDefinition> Handshakes()
    {
        yield return new()
        {
            Name = "tls_closed_in_handshake",
            Breaks = "proxy_pass https:// to a backend that reads the ClientHello and closes the connection",
            ExpectedCause = "upstream_tls",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = _ => Http("https", "tls_hangup"),
        };
    }

    private static IEnumerable<LabScenarioDefinition> Certificates()
    {
        yield return new()
        {
            Name = "upstream_cert_untrusted",
            Breaks = "proxy_pass https:// with proxy_ssl_verify on to a backend with a self-signed certificate",
            ExpectedCause = "upstream_cert_invalid",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = t => Prepend(Http("https", "tls_http", t), "proxy_ssl_verify on;",
                $"proxy_ssl_trusted_certificate {t.OtherCertFile};"),
        };
        yield return new()
        {
            Name = "upstream_cert_name_mismatch",
            Breaks = "proxy_pass https:// verifying a trusted certificate issued for lab.local against the name other.test",
            ExpectedCause = "upstream_cert_invalid",
            ExpectedStatus = 502,
            ExpectedClientStatus = "502",
            Build = t => Prepend(Http("https", "tls_http", t), "proxy_ssl_verify on;",
                $"proxy_ssl_trusted_certificate {t.CertFile};", "proxy_ssl_name other.test;"),
        };
    }

    private static LabLocation Http(string scheme, string mode, LabTargets? targets = null)
    {
        var port = LabTargets.Port();
        var backend = new LabBackend { Mode = mode, Port = port, Cert = targets?.CertFile, Key = targets?.KeyFile };
        return Proxy(scheme, $"127.0.0.1:{port}", [backend]);
    }
}
