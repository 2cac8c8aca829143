using Nginx502Bot.Diagnostics.NginxConfig;

namespace Nginx502Bot.Agent.Tests.NginxConfig;

public sealed class NginxConfigSummarizerTests
{
    private const string Config = """
        user www-data;
        http {
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            upstream app {
                server 127.0.0.1:8001 max_fails=2 fail_timeout=5s;
                server 127.0.0.1:8002 backup;
                keepalive 32;
            }
            server {
                listen 443 ssl;
                server_name shop.example.com www.shop.example.com;
                proxy_set_header Host $host;
                location / {
                    proxy_pass http://app;
                }
                location /legacy/ {
                    proxy_http_version 1.0;
                    proxy_pass http://unix:/run/legacy.sock:/;
                }
                location ~ \.php$ {
                    fastcgi_pass 127.0.0.1:9000;
                    fastcgi_buffer_size 32k;
                }
                location /grpc {
                    grpc_pass grpc://localhost:50051;
                }
            }
        }
        """;

    private static ConfigSummary Summary() => NginxConfigSummarizer.Summarize(NginxConfigParser.ParseText(Config, "/etc/nginx/nginx.conf"));

    [Fact]
    public void PassTargets_CarrySchemeAddressAndFileLine()
    {
        var passes = Summary().Passes;

        Assert.Equal(["app", "unix:/run/legacy.sock", "127.0.0.1:9000", "localhost:50051"], passes.Select(p => p.Address));
        Assert.Equal(["http", "http", "fastcgi", "grpc"], passes.Select(p => p.Scheme));
        Assert.Equal("/etc/nginx/nginx.conf:15", passes[0].Location.ToString());
        Assert.Equal(["shop.example.com", "www.shop.example.com"], passes[0].ServerNames);
        Assert.Equal("32k", passes[2].BufferSize?.Value);
    }

    [Fact]
    public void ProxySetHeaderInServer_HidesTheHttpLevelConnectionHeader()
    {
        var pass = Summary().Passes[0];

        // nginx: a level with any proxy_set_header inherits none from above.
        Assert.Null(pass.ConnectionHeader);
        Assert.Equal("1.1", pass.ProxyHttpVersion?.Value);
        Assert.Equal(3, pass.ProxyHttpVersion?.Location.Line);
    }

    [Fact]
    public void LocationOverride_WinsWithItsOwnLine()
    {
        var legacy = Summary().Passes[1];

        Assert.Equal("1.0", legacy.ProxyHttpVersion?.Value);
        Assert.Equal(18, legacy.ProxyHttpVersion?.Location.Line);
    }

    [Fact]
    public void Upstream_HasMembersParametersAndKeepalive()
    {
        var summary = Summary();
        var app = Assert.Single(summary.Upstreams);

        Assert.Equal("www-data", summary.User);
        Assert.Equal(["127.0.0.1:8001", "127.0.0.1:8002"], app.Members.Select(m => m.Address));
        Assert.Equal(2, app.Members[0].MaxFails);
        Assert.Equal("5s", app.Members[0].FailTimeout);
        Assert.True(app.Members[1].Backup);
        Assert.Equal("32", app.Keepalive?.Value);
        Assert.Equal(8, app.Keepalive?.Location.Line);
        Assert.Equal(["shop.example.com", "www.shop.example.com"], summary.ServerBlocks.Single().ServerNames);
    }
}
