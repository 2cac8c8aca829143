using Nginx502Bot.Agent.Host;
using Nginx502Bot.Agent.Options;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Agent.Tests.Support;

namespace Nginx502Bot.Agent.Tests.Probes;

/// <summary>
/// Socket owners are remembered briefly, but a new listener is always looked up and an owner that went away (or
/// became another program) never stays in the answer: the wrong-target fix names the process that really listens.
/// </summary>
public sealed class SocketOwnerCacheTests : IDisposable
{
    private static readonly ProcessInfo App = new(10, 1, "gunicorn", 1000, "gunicorn app:app");
    private static readonly ProcessInfo Node = new(20, 1, "node", 1000, "node server.js");
    private readonly TempHost _host = new();
    private readonly ProbeContext _context;
    private readonly SocketOwnerCache _cache = new(TimeProvider.System);

    public SocketOwnerCacheTests()
    {
        var options = new AgentOptions { Root = _host.Root };
        _context = new ProbeContext(new DiagnoseQuery(), new HostFileSystem(Microsoft.Extensions.Options.Options.Create(options)), new ProcessRunner(), options, TimeProvider.System);
        Socket(App.Pid, 3, 111);
    }

    [Fact]
    public void NewListener_IsLookedUpWhileKnownOnesComeFromTheCache()
    {
        _cache.Owners(_context, [111], [App], CancellationToken.None);
        File.Delete($"{_host.Root}/proc/10/fd/3");
        Socket(Node.Pid, 4, 222);

        var owners = _cache.Owners(_context, [111, 222], [App, Node], CancellationToken.None);

        Assert.Equal(10, owners[111].Pid);
        Assert.Equal(20, owners[222].Pid);
    }

    [Fact]
    public void OwnerGone_RescansEverything()
    {
        _cache.Owners(_context, [111], [App], CancellationToken.None);
        File.Delete($"{_host.Root}/proc/10/fd/3");
        Socket(Node.Pid, 4, 111);

        var owners = _cache.Owners(_context, [111], [Node], CancellationToken.None);

        Assert.Equal("node", owners[111].Name);
    }

    [Fact]
    public void OwnerNowAnotherProgramUnderTheSamePid_RescansEverything()
    {
        _cache.Owners(_context, [111], [App], CancellationToken.None);
        File.Delete($"{_host.Root}/proc/10/fd/3");

        var owners = _cache.Owners(_context, [111], [App with { Name = "python3" }], CancellationToken.None);

        Assert.Empty(owners);
    }

    [Fact]
    public void SocketSharedByParentAndChild_IsOwnedByTheLowestPid()
    {
        Socket(Node.Pid, 5, 111);

        var owners = _cache.Owners(_context, [111], [App, Node], CancellationToken.None);

        Assert.Equal(10, owners[111].Pid);
    }

    private void Socket(int pid, int fd, long inode)
    {
        Directory.CreateDirectory($"{_host.Root}/proc/{pid}/fd");
        File.CreateSymbolicLink($"{_host.Root}/proc/{pid}/fd/{fd}", $"socket:[{inode}]");
    }

    public void Dispose() => _host.Dispose();
}
