using Nginx502Bot.Agent.Cli;
using Nginx502Bot.Agent.Service;

namespace Nginx502Bot.Agent.Tests.Cli;

public sealed class AgentCommandLineTests
{
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private CliArguments? _ran;

    [Fact]
    public async Task ValidArguments_RunTheCommandWithThem_AndReturnItsStatus()
    {
        var status = await InvokeAsync("echo", "--port", "8080", "--insecure");

        Assert.Equal(7, status);
        Assert.Equal(8080, _ran!.WholeNumber("--port"));
        Assert.True(_ran.Flag("--insecure"));
    }

    [Fact]
    public async Task UnknownOption_ExitsTwoWithTheProblemAndWhereHelpIs_WithoutRunning()
    {
        var status = await InvokeAsync("echo", "--prot", "8080");

        Assert.Equal(AgentCommandLine.BadUsage, status);
        Assert.Null(_ran);
        Assert.Equal("nginx502bot-agent: unrecognized option '--prot'\nRun 'nginx502bot-agent echo --help' for usage.\n", _err.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task UnknownCommand_ExitsTwo()
    {
        Assert.Equal(AgentCommandLine.BadUsage, await InvokeAsync("ehco"));
        Assert.StartsWith("nginx502bot-agent: unknown command 'ehco'", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoArguments_PrintsHelpOnStderrAndExitsTwo()
    {
        Assert.Equal(AgentCommandLine.BadUsage, await InvokeAsync());
        Assert.Contains("  echo  prints nothing", _err.ToString(), StringComparison.Ordinal);
        Assert.Empty(_out.ToString());
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task CommandHelp_ListsEveryOptionAndRunsNothing(string help)
    {
        var status = await InvokeAsync("echo", "--port", "1", help);

        Assert.Equal(0, status);
        Assert.Null(_ran);
        var text = _out.ToString();
        Assert.Contains("  nginx502bot-agent echo [options]", text, StringComparison.Ordinal);
        Assert.Contains("  --port <port>   port to echo", text, StringComparison.Ordinal);
        Assert.Contains("  --insecure      no TLS", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancelledRun_EndsWith130InsteadOfAnUnhandledException()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        AgentCommand waits = new("wait", "waits", [], async (_, ct) => { await Task.Delay(Timeout.Infinite, ct); return 0; });

        Assert.Equal(AgentCommandLine.Interrupted, await AgentCommandLine.InvokeAsync([waits], ["wait"], _out, _err, cancel.Token));
    }

    [Fact]
    public async Task Version_PrintsTheAgentVersion()
    {
        Assert.Equal(0, await InvokeAsync("--version"));
        Assert.Equal(AgentInfo.Version, _out.ToString().Trim());
    }

    [Fact]
    public void ProbeAndServeHelp_NameTheirOptions()
    {
        var probe = AgentCommandLine.CommandHelp(ProbeCommand.Create(_ => throw new InvalidOperationException("help must not build services")));
        var serve = AgentCommandLine.CommandHelp(ServeCommand.Create());

        foreach (var option in new[] { "--root <root>", "--nginx-config <nginx-config>", "--since-minutes <since-minutes>", "--from <from>", "--no-direct", "--no-exec" })
        {
            Assert.Contains(option, probe, StringComparison.Ordinal);
        }

        Assert.Contains("--port <port>", serve, StringComparison.Ordinal);
        Assert.Contains("--insecure", serve, StringComparison.Ordinal);
    }

    private Task<int> InvokeAsync(params string[] args)
    {
        AgentCommand echo = new("echo", "prints nothing",
            [new("--port", "port to echo", CliValueKind.WholeNumber), new("--insecure", "no TLS", CliValueKind.Flag)],
            (parsed, _) => { _ran = parsed; return Task.FromResult(7); });
        return AgentCommandLine.InvokeAsync([echo], args, _out, _err, CancellationToken.None);
    }
}
