using Nginx502Bot.Bot.Cli.Diagnose;
using Nginx502Bot.EndToEnd.Tests.Support;

namespace Nginx502Bot.EndToEnd.Tests.Cli;

/// <summary>
/// <c>nginx502bot diagnose</c>: alone it still reads the lab's lines and finds the failure; with <c>--agent</c> it sends
/// them to the real agent <c>serve</c> host probing the lab and prints the agent's root cause and fix.
/// </summary>
[Collection(RealNginxLab.Name)]
public sealed class DiagnoseCliThroughAgentTests(LabAgentFixture lab) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nginx502bot-e2e-cli-").FullName;

    [Fact]
    public async Task LocalDiagnose_WrongPortLines_StillFindsTheFailure()
    {
        var file = await WrongPortLinesAsync();

        Assert.Equal(DiagnoseCommand.ExitFailuresFound, DiagnoseCommand.Run([file], json: false, noColor: true, TimeProvider.System, CancellationToken.None));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DiagnoseWithAgent_WrongPortLines_PrintsWrongTargetWithRealPortAndPassLine(bool rotatedAndCompressed)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var file = await WrongPortLinesAsync(rotatedAndCompressed);
        var scenario = lab.Lab["wrong_port"];
        await using var agent = await AgentServeHost.StartAsync(lab, timeout.Token);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await AgentDiagnoseRunner.RunAsync(agent.Urls.First(), await TokenFileAsync(AgentServeHost.Token), [file], output, error,
            TimeProvider.System, timeout.Token);

        Assert.True(exit == DiagnoseCommand.ExitFailuresFound, $"exit {exit}: {error}");
        var text = output.ToString();
        Assert.Contains("wrong_target", text, StringComparison.Ordinal);
        Assert.Contains($"In {scenario.ConfigFile}:{scenario.PassLine} change `{scenario.PassDirective.TrimEnd(';')}` to `proxy_pass http://{scenario.ListensAt}`",
            text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiagnoseWithAgent_CompressedLogWithoutItsTrailer_StillSendsWhatItHolds_SaysItIsCutShortAndExits2()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var compressed = await WrongPortLinesAsync(rotatedAndCompressed: true);
        var cut = compressed + ".cut";
        var bytes = await File.ReadAllBytesAsync(compressed);
        await File.WriteAllBytesAsync(cut, bytes[..^8]);
        await using var agent = await AgentServeHost.StartAsync(lab, timeout.Token);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await AgentDiagnoseRunner.RunAsync(agent.Urls.First(), await TokenFileAsync(AgentServeHost.Token), [cut], output, error,
            TimeProvider.System, timeout.Token);

        Assert.Equal(DiagnoseCommand.ExitError, exit);
        Assert.Contains("wrong_target", output.ToString(), StringComparison.Ordinal);
        Assert.Equal($"nginx502bot diagnose: '{cut}' is cut short: its gzip data ends before gzip's trailer, so the records after the cut are missing{Environment.NewLine}",
            error.ToString());
    }

    [Fact]
    public async Task DiagnoseWithAgent_WrongToken_FailsWithExit2AndNoFindings()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var file = await WrongPortLinesAsync();
        await using var agent = await AgentServeHost.StartAsync(lab, timeout.Token);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await AgentDiagnoseRunner.RunAsync(agent.Urls.First(), await TokenFileAsync("not-the-token-0123456789abcdef"), [file], output, error,
            TimeProvider.System, timeout.Token);

        Assert.Equal(DiagnoseCommand.ExitError, exit);
        Assert.Contains("did not answer", error.ToString(), StringComparison.Ordinal);
        Assert.Equal("", output.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The lab's lines in a file, as nginx left it or as logrotate compressed it (<c>error.log.1.gz</c>).</summary>
    private async Task<string> WrongPortLinesAsync(bool rotatedAndCompressed = false)
    {
        var run = await lab.Lab.RunAsync("wrong_port", CancellationToken.None);
        var file = Path.Combine(_dir, "error.log");
        await File.WriteAllLinesAsync(file, run.ErrorLines);
        if (!rotatedAndCompressed)
        {
            return file;
        }

        var rotated = file + ".1.gz";
        await using (var source = File.OpenRead(file))
        await using (var gzip = new System.IO.Compression.GZipStream(File.Create(rotated), System.IO.Compression.CompressionLevel.Optimal))
        {
            await source.CopyToAsync(gzip);
        }

        File.Delete(file);
        return rotated;
    }

    private async Task<string> TokenFileAsync(string token)
    {
        var file = Path.Combine(_dir, "agent.token");
        await File.WriteAllTextAsync(file, token + "\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return file;
    }
}
