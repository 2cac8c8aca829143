using Nginx502Bot.Lab.Backends;
using Nginx502Bot.Lab.Scenarios;

namespace Nginx502Bot.Lab.Nginx;

/// <summary>
/// Writes the lab's nginx.conf line by line, so each scenario's <c>*_pass</c> directive has a known line number.
/// Workers run as www-data (the unix-socket permission scenario needs a non-root worker); every path is in the prefix.
/// </summary>
public sealed class NginxConfigBuilder
{
    private static readonly string[] PassDirectives = ["proxy_pass ", "fastcgi_pass ", "grpc_pass ", "uwsgi_pass ", "scgi_pass ", "memcached_pass "];

    private readonly List<string> _lines = [];

    public static string WorkerUser => Environment.UserName == "root" ? "www-data" : Environment.UserName;

    /// <summary>Builds the configuration and returns the scenarios with their pass lines.</summary>
    public IReadOnlyList<LabScenario> Build(LabTargets targets, int port,
        IReadOnlyList<(LabScenarioDefinition Definition, LabLocation Location)> scenarios)
    {
        var configFile = Path.Combine(targets.Directory, "nginx.conf");
        Main(targets);
        Http(targets, scenarios.SelectMany(s => s.Location.HttpBlock));
        Add("    server {");
        Add($"        listen 127.0.0.1:{port};");
        Add("        server_name lab.local;");
        Add("        keepalive_timeout 0;");
        var laidOut = scenarios.Select(s => Location(s.Definition, s.Location, targets, configFile)).ToList();
        Add("    }");
        HttpServer(targets);
        Add("}");
        File.WriteAllLines(configFile, _lines);
        return laidOut;
    }

    private void Main(LabTargets targets)
    {
        if (Environment.UserName == "root")
        {
            Add($"user {WorkerUser};");
        }

        Add("worker_processes 1;");
        Add("master_process on;");
        Add($"pid {Path.Combine(targets.Directory, "nginx.pid")};");
        // info: the warn and info lines (upstream server temporarily disabled, client aborts) are part of the corpus.
        Add($"error_log {Path.Combine(targets.LogDirectory, "error.log")} info;");
        Add("events {");
        Add("    worker_connections 256;");
        Add("}");
    }

    private void Http(LabTargets targets, IEnumerable<string> httpBlock)
    {
        var temp = Path.Combine(targets.Directory, "temp");
        Add("http {");
        Add("    log_format lab '$request_uri $status \"$upstream_status\" \"$upstream_addr\"';");
        Add($"    access_log {Path.Combine(targets.LogDirectory, "access.log")} lab;");
        foreach (var kind in new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" })
        {
            Add($"    {kind}_temp_path {Path.Combine(temp, kind)};");
        }

        Add("    proxy_read_timeout 10s;");
        Add("    fastcgi_read_timeout 10s;");
        foreach (var line in httpBlock)
        {
            Add("    " + line);
        }
    }

    /// <summary>A real HTTP/1.1 server for the scenarios that point another protocol at one.</summary>
    private void HttpServer(LabTargets targets)
    {
        Add("    server {");
        Add($"        listen 127.0.0.1:{targets.HttpServerPort};");
        Add("        server_name http.lab.local;");
        Add("        return 200 \"ok\\n\";");
        Add("    }");
    }

    private LabScenario Location(LabScenarioDefinition definition, LabLocation location, LabTargets targets, string configFile)
    {
        foreach (var line in location.ServerBlock)
        {
            Add("        " + line);
        }

        Add($"        location = /{definition.Name} {{");
        var passLine = 0;
        var passDirective = "";
        foreach (var directive in location.Directives)
        {
            Add("            " + directive);
            if (PassDirectives.Any(p => directive.StartsWith(p, StringComparison.Ordinal)))
            {
                passLine = _lines.Count;
                passDirective = directive;
            }
        }

        Add("        }");
        return new LabScenario
        {
            Definition = definition,
            ConfigFile = configFile,
            PassLine = passLine,
            PassDirective = passDirective,
            Dials = location.Dials,
            ListensAt = location.ListensAt,
            Companion = location.Companion,
            CompanionLogFile = location.Companion switch
            {
                LabCompanion.PhpFpm => Path.Combine(targets.LogDirectory, "php-fpm.log"),
                LabCompanion.Gunicorn => Path.Combine(targets.LogDirectory, "gunicorn.log"),
                _ => null,
            },
        };
    }

    private void Add(string line) => _lines.Add(line);
}
