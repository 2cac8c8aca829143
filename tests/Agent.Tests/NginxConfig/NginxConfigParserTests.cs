using Nginx502Bot.Diagnostics.NginxConfig;

namespace Nginx502Bot.Agent.Tests.NginxConfig;

public sealed class NginxConfigParserTests
{
    private static ConfigFileAccess Files(Dictionary<string, string> files) => new(
        p => files.GetValueOrDefault(p),
        dir => files.Keys.Where(k => Path.GetDirectoryName(k) == dir).ToArray());

    [Fact]
    public void IncludeGlob_ExpandsInSortedOrderWithEachFilesOwnLines()
    {
        var files = new Dictionary<string, string>
        {
            ["/etc/nginx/nginx.conf"] = "http {\n    include conf.d/*.conf;\n}\n",
            ["/etc/nginx/conf.d/b.conf"] = "\n\nserver { listen 81; }\n",
            ["/etc/nginx/conf.d/a.conf"] = "server {\n    listen 80;\n}\n",
            ["/etc/nginx/conf.d/skip.conf.bak"] = "server { listen 99; }\n",
        };

        var parsed = NginxConfigParser.Parse("/etc/nginx/nginx.conf", Files(files));

        var servers = parsed.Directives.Single().Block!;
        Assert.Equal(2, servers.Count);
        Assert.Equal("/etc/nginx/conf.d/a.conf:1", servers[0].Location.ToString());
        Assert.Equal("/etc/nginx/conf.d/b.conf:3", servers[1].Location.ToString());
        Assert.Equal("81", servers[1].Block!.Single().Arg(0));
        Assert.Empty(parsed.Errors);
    }

    [Fact]
    public void MissingIncludeAndUnclosedBlock_AreReportedNotThrown()
    {
        var files = new Dictionary<string, string>
        {
            ["/etc/nginx/nginx.conf"] = "include /etc/nginx/missing.conf;\nhttp {\n    server {\n",
        };

        var parsed = NginxConfigParser.Parse("/etc/nginx/nginx.conf", Files(files));

        Assert.Contains(parsed.Errors, e => e.Contains("/etc/nginx/nginx.conf:1", StringComparison.Ordinal) && e.Contains("missing.conf", StringComparison.Ordinal));
        Assert.Contains(parsed.Errors, e => e.Contains("unexpected end of file", StringComparison.Ordinal));
    }

    [Fact]
    public void SelfInclude_StopsAtTheDepthLimit()
    {
        var files = new Dictionary<string, string> { ["/etc/nginx/nginx.conf"] = "include nginx.conf;\n" };

        var parsed = NginxConfigParser.Parse("/etc/nginx/nginx.conf", Files(files));

        Assert.Contains(parsed.Errors, e => e.Contains("deeper than", StringComparison.Ordinal));
    }

    [Fact]
    public void UnreadableMainFile_GivesAnErrorAndNoDirectives()
    {
        var parsed = NginxConfigParser.Parse("/nope/nginx.conf", Files([]));

        Assert.Empty(parsed.Directives);
        Assert.Single(parsed.Errors);
    }
}
