using Microsoft.Extensions.Options;
using Nginx502Bot.Agent.Host;
using Nginx502Bot.Agent.Options;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Agent.Tests.Support;

namespace Nginx502Bot.Agent.Tests.Probes;

/// <summary>
/// The parsed configuration is reused only while every file it came from is unchanged: main file, includes and the
/// names a glob include matched. A stale parse would send the fix to the wrong file:line.
/// </summary>
public sealed class NginxConfigCacheTests : IDisposable
{
    private const string Main = "/etc/nginx/nginx.conf";
    private readonly TempHost _host = new();
    private readonly HostFileSystem _files;
    private readonly NginxConfigCache _cache = new(settle: TimeSpan.Zero);

    public NginxConfigCacheTests()
    {
        _files = new HostFileSystem(Microsoft.Extensions.Options.Options.Create(new AgentOptions { Root = _host.Root }));
        _host.Write(Main, "events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n    include /etc/nginx/extra.inc;\n}\n");
        _host.Write("/etc/nginx/extra.inc", "upstream extra { server 127.0.0.1:7000; }\n");
        _host.Write("/etc/nginx/conf.d/a.conf", Site("a", 8000));
    }

    [Fact]
    public void UnchangedFiles_ReuseTheParse()
    {
        var first = _cache.Get(Main, _files);
        var second = _cache.Get(Main, _files);

        Assert.False(first.Cached);
        Assert.True(second.Cached);
        Assert.Same(first.Summary, second.Summary);
    }

    [Fact]
    public void EditedInclude_IsParsedAgain()
    {
        _cache.Get(Main, _files);
        _host.Write("/etc/nginx/conf.d/a.conf", Site("a", 8001));

        var again = _cache.Get(Main, _files);

        Assert.False(again.Cached);
        Assert.Equal("127.0.0.1:8001", Assert.Single(again.Summary.Passes).Address);
    }

    [Fact]
    public void FileAddedToAGlob_IsParsedAgain()
    {
        _cache.Get(Main, _files);
        _host.Write("/etc/nginx/conf.d/b.conf", Site("b", 9000));

        var again = _cache.Get(Main, _files);

        Assert.False(again.Cached);
        Assert.Equal(["127.0.0.1:8000", "127.0.0.1:9000"], again.Summary.Passes.Select(p => p.Address).Order());
    }

    [Fact]
    public void FileRemovedFromAGlob_IsParsedAgain()
    {
        _host.Write("/etc/nginx/conf.d/b.conf", Site("b", 9000));
        _cache.Get(Main, _files);
        File.Delete(_host.Root + "/etc/nginx/conf.d/b.conf");

        var again = _cache.Get(Main, _files);

        Assert.False(again.Cached);
        Assert.Equal("127.0.0.1:8000", Assert.Single(again.Summary.Passes).Address);
    }

    [Fact]
    public void IncludeReplacedByRenameWithTheSameSizeAndTime_IsParsedAgain()
    {
        var path = _host.Root + "/etc/nginx/extra.inc";
        _cache.Get(Main, _files);
        var written = File.GetLastWriteTimeUtc(path);
        var replacement = _host.Write("/etc/nginx/extra.new", "upstream extra { server 127.0.0.1:7001; }\n");
        File.SetLastWriteTimeUtc(replacement, written);
        File.Move(replacement, path, overwrite: true);

        var again = _cache.Get(Main, _files);

        Assert.False(again.Cached);
        Assert.Equal("127.0.0.1:7001", Assert.Single(again.Summary.Upstreams).Members.Single().Address);
    }

    [Fact]
    public void MissingIncludeThatAppears_IsParsedAgain()
    {
        _host.Write(Main, "events {}\nhttp {\n    include /etc/nginx/later.conf;\n}\n");
        var first = _cache.Get(Main, _files);
        _host.Write("/etc/nginx/later.conf", Site("later", 8500));

        var again = _cache.Get(Main, _files);

        Assert.NotEmpty(first.Parsed.Errors);
        Assert.False(again.Cached);
        Assert.Equal("127.0.0.1:8500", Assert.Single(again.Summary.Passes).Address);
    }

    [Fact]
    public void FilesChangedJustNow_AreNotTrustedForLater()
    {
        var cautious = new NginxConfigCache();

        cautious.Get(Main, _files);

        Assert.False(cautious.Get(Main, _files).Cached);
    }

    private static string Site(string name, int port) =>
        $"server {{\n    server_name {name}.test;\n    location / {{\n        proxy_pass http://127.0.0.1:{port};\n    }}\n}}\n";

    public void Dispose() => _host.Dispose();
}
