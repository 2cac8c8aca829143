using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Diagnostics.NginxConfig;

/// <summary>
/// Turns a parsed configuration into the evidence an operator reasons about: server blocks, every <c>*_pass</c> with
/// the effective keepalive-related directives, upstream blocks with members, log paths and the <c>user</c> directive.
/// </summary>
public static class NginxConfigSummarizer
{
    public static ConfigSummary Summarize(ParsedConfig config)
    {
        var upstreams = new List<UpstreamBlock>();
        var servers = new List<NginxServerBlock>();
        var passes = new List<PassDirective>();
        var errorLogs = new List<string>();
        var accessLogs = new List<string>();
        CollectUpstreams(config.Directives, upstreams);
        var names = upstreams.Select(u => u.Name).ToHashSet(StringComparer.Ordinal);
        var walker = new Walker(names, servers, passes, errorLogs, accessLogs);
        walker.Walk(config.Directives, new InheritedSettings());
        return new ConfigSummary
        {
            User = config.Directives.FirstOrDefault(d => d.Name == "user")?.Arg(0),
            ServerBlocks = servers,
            Passes = passes,
            Upstreams = upstreams,
            ErrorLogs = errorLogs.Distinct().ToArray(),
            AccessLogs = accessLogs.Distinct().ToArray(),
        };
    }

    private static void CollectUpstreams(IReadOnlyList<ConfigDirective> block, List<UpstreamBlock> sink)
    {
        foreach (var d in block)
        {
            if (d.Block is null) { continue; }
            if (d.Name == "upstream" && d.Arg(0) is { } name) { sink.Add(ToUpstream(name, d)); }
            else { CollectUpstreams(d.Block, sink); }
        }
    }

    private static UpstreamBlock ToUpstream(string name, ConfigDirective d)
    {
        var keepalive = d.Block!.LastOrDefault(c => c.Name == "keepalive");
        return new UpstreamBlock
        {
            Name = name,
            Location = d.Location,
            Members = d.Block!.Where(c => c.Name == "server" && c.Args.Count > 0).Select(ToMember).ToArray(),
            Keepalive = keepalive is null ? null : new DirectiveValue(keepalive.Arg(0) ?? "", keepalive.Location),
        };
    }

    private static UpstreamMember ToMember(ConfigDirective d)
    {
        string? Param(string key) => d.Args.Skip(1).FirstOrDefault(a => a.StartsWith(key + "=", StringComparison.Ordinal))?[(key.Length + 1)..];
        var address = d.Args[0].StartsWith("unix:", StringComparison.Ordinal) || d.Args[0].Contains(':') ? d.Args[0] : d.Args[0] + ":80";
        return new UpstreamMember
        {
            Address = address,
            MaxFails = int.TryParse(Param("max_fails"), out var mf) ? mf : null,
            FailTimeout = Param("fail_timeout"),
            Backup = d.Args.Contains("backup"),
            Down = d.Args.Contains("down"),
            Location = d.Location,
        };
    }

    private sealed class Walker(ISet<string> upstreamNames, List<NginxServerBlock> servers, List<PassDirective> passes,
        List<string> errorLogs, List<string> accessLogs)
    {
        public void Walk(IReadOnlyList<ConfigDirective> block, InheritedSettings inherited)
        {
            var settings = inherited.Apply(block);
            foreach (var d in block)
            {
                Visit(d, settings);
            }
        }

        private void Visit(ConfigDirective d, InheritedSettings settings)
        {
            if (d.Name == "error_log" && d.Arg(0) is { } el) { errorLogs.Add(el); }
            if (d.Name == "access_log" && d.Arg(0) is { } al && al != "off") { accessLogs.Add(al); }
            if (PassTargetParser.PassDirectives.Contains(d.Name) && d.Arg(0) is { } value) { passes.Add(ToPass(d, value, settings)); }
            if (d.Block is null || d.Name == "upstream") { return; }

            var child = d.Name switch
            {
                "server" => ServerSettings(d, settings),
                "location" => settings with { LocationPath = string.Join(' ', d.Args) },
                _ => settings,
            };
            Walk(d.Block, child);
        }

        private InheritedSettings ServerSettings(ConfigDirective d, InheritedSettings settings)
        {
            var names = d.Block!.Where(c => c.Name == "server_name").SelectMany(c => c.Args).ToArray();
            var listens = d.Block!.Where(c => c.Name == "listen").Select(c => string.Join(' ', c.Args)).ToArray();
            servers.Add(new NginxServerBlock { ServerNames = names, Listens = listens, Location = d.Location });
            return settings with { ServerNames = names, LocationPath = null };
        }

        private PassDirective ToPass(ConfigDirective d, string value, InheritedSettings s)
        {
            var (scheme, address) = PassTargetParser.Parse(d.Name, value, upstreamNames);
            var prefix = d.Name[..d.Name.IndexOf('_')];
            return new PassDirective
            {
                Directive = d.Name,
                Value = value,
                Scheme = scheme,
                Address = address,
                Location = d.Location,
                ServerNames = s.ServerNames,
                LocationPath = s.LocationPath,
                ProxyHttpVersion = d.Name == "proxy_pass" ? s.ProxyHttpVersion : null,
                ConnectionHeader = d.Name == "proxy_pass" ? s.ConnectionHeader : null,
                BufferSize = s.BufferSizes.GetValueOrDefault(prefix + "_buffer_size"),
                SslServerName = d.Name == "proxy_pass" ? s.SslServerName : null,
            };
        }
    }
}
