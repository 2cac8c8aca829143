using System.Globalization;
using System.Text;
using Nginx502Bot.Agent.Host;
using Nginx502Bot.Agent.Options;
using Nginx502Bot.Agent.Probes;
using Nginx502Bot.Agent.Tests.Support;

namespace Nginx502Bot.Agent.Tests.Probes;

/// <summary>
/// The error log is read back from its end only as far as the window reaches: a recent window of a large log costs a
/// few blocks, and keeps exactly the lines a read of the whole capped tail would have kept.
/// </summary>
public sealed class ErrorLogTailTests : IDisposable
{
    private static readonly DateTime First = new(2026, 3, 1, 6, 0, 0);
    private readonly TempHost _host = new();
    private readonly HostFileSystem _files;
    private readonly string _text;

    public ErrorLogTailTests()
    {
        _files = new HostFileSystem(Microsoft.Extensions.Options.Options.Create(new AgentOptions { Root = _host.Root, MaxFileBytes = 8 * 1024 * 1024 }));
        var log = new StringBuilder();
        for (var s = 0; s < 3 * 3600; s++)
        {
            var at = First.AddSeconds(s).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture);
            log.Append(at).Append(" [error] 12#12: *").Append(s).Append(" connect() failed (111: Connection refused) while connecting to upstream, upstream: \"http://127.0.0.1:8000/\"\n");
            if (s % 600 == 0) { log.Append("an unstamped continuation line\n"); }
        }

        _text = log.ToString();
        _host.Write("/var/log/nginx/error.log", _text);
    }

    [Fact]
    public void RecentWindow_ReadsOnlyBackToItsStart_AndKeepsTheSameLines()
    {
        var (start, end) = (First.AddHours(3).AddMinutes(-10), First.AddHours(3));

        var tail = _files.ReadTailSince("/var/log/nginx/error.log", start.AddMinutes(-1), ErrorLogProbe.Stamp)!;

        Assert.False(tail.Truncated);
        Assert.True(tail.Text.Length < _text.Length / 8, $"read {tail.Text.Length} of {_text.Length} characters");
        Assert.Equal(ErrorLogProbe.InWindow(_text, start, end), ErrorLogProbe.InWindow(tail.Text, start, end));
    }

    [Fact]
    public void AppendInWindow_KeepsWhatInWindowKeeps()
    {
        var text = "2026/03/01 09:59:59 [error] before\n2026/03/01 10:00:00 [error] first\r\ncontinued\n\n2026/03/01 10:00:05 [warn] second\n2026/03/01 11:00:00 [error] after\nnot kept\n";
        var (start, end) = (new DateTime(2026, 3, 1, 10, 0, 0), new DateTime(2026, 3, 1, 10, 30, 0));
        var into = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        var kept = ErrorLogProbe.AppendInWindow(text, start, end, into, seen);

        var expected = ErrorLogProbe.InWindow(text, start, end).ToArray();
        Assert.Equal(3, kept);
        Assert.Equal(string.Concat(expected.Select(l => l + "\n")), into.ToString());
        Assert.Equal(expected.ToHashSet(), seen);
    }

    [Fact]
    public void WindowOlderThanTheCap_IsTruncatedAtTheCap()
    {
        var tail = _files.ReadTailSince("/var/log/nginx/error.log", First, ErrorLogProbe.Stamp, maxBytes: 100_000)!;

        Assert.True(tail.Truncated);
        Assert.True(tail.Text.Length <= 100_000);
        Assert.EndsWith(_text[^200..], tail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void WindowCoveringTheWholeFile_ReadsItAll()
    {
        var tail = _files.ReadTailSince("/var/log/nginx/error.log", First.AddDays(-1), ErrorLogProbe.Stamp)!;

        Assert.False(tail.Truncated);
        Assert.Equal(_text, tail.Text);
    }

    [Fact]
    public async Task WindowFromTheEarliestTimestamp_StillReadsTheLog()
    {
        await using var services = AgentHarness.Build(_host.Root, extra: new Dictionary<string, string?> { ["Agent:ErrorLogPath"] = "/var/log/nginx/error.log" });

        var report = await AgentHarness.DiagnoseAsync(services, new DiagnoseQuery { WindowStart = DateTime.MinValue, WindowEnd = DateTime.MaxValue });

        Assert.Equal(ProbeStatus.Ok, report.Probes.Single(p => p.Name == Diagnostics.Evidence.ProbeNames.ErrorLog).Status);
    }

    public void Dispose() => _host.Dispose();
}
