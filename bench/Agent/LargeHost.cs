using System.Globalization;
using System.Text;

namespace Nginx502Bot.Agent.Bench;

/// <summary>
/// A host tree under a temp directory: /etc/nginx/nginx.conf including 1,000 server blocks, each proxying to its own
/// upstream{} of two loopback members (ports nobody listens on), and /var/log/nginx/error.log copied from loggen.
/// </summary>
public static class LargeHost
{
    public const int ServerBlocks = 1000;

    public static string Create(string root, string errorLog)
    {
        var nginx = Path.Combine(root, "etc", "nginx");
        Directory.CreateDirectory(Path.Combine(nginx, "conf.d"));
        Directory.CreateDirectory(Path.Combine(root, "var", "log", "nginx"));
        File.WriteAllText(Path.Combine(nginx, "nginx.conf"), """
            user www-data;
            worker_processes auto;
            error_log /var/log/nginx/error.log;
            events { worker_connections 768; }
            http {
                include /etc/nginx/conf.d/*.conf;
            }
            """);
        for (var i = 0; i < ServerBlocks; i++)
        {
            File.WriteAllText(Path.Combine(nginx, "conf.d", $"site{i:D4}.conf"), Site(i));
        }

        File.Copy(errorLog, Path.Combine(root, "var", "log", "nginx", "error.log"), overwrite: true);
        return Path.Combine("/etc", "nginx", "nginx.conf");
    }

    public static string ServerName(int i) => string.Create(CultureInfo.InvariantCulture, $"site{i:D4}.example.com");

    private static string Site(int i)
    {
        var port = 20000 + (2 * i);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $$"""
            upstream site{{i:D4}}_backend {
                server 127.0.0.1:{{port}} max_fails=3 fail_timeout=10s;
                server 127.0.0.1:{{port + 1}} backup;
                keepalive 16;
            }
            server {
                listen 80;
                server_name {{ServerName(i)}} www.{{ServerName(i)}};
                proxy_read_timeout 30s;
                location / {
                    proxy_http_version 1.1;
                    proxy_set_header Connection "";
                    proxy_pass http://site{{i:D4}}_backend;
                }
                location /static/ {
                    root /var/www/site{{i:D4}};
                }
            }

            """);
        return sb.ToString();
    }
}
