using Nginx502Bot.Bot.Cli;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Tests.Cli;

/// <summary>
/// The bot <c>./run.sh diagnose</c> runs is the one scripts/publish-bot.sh publishes ReadyToRun, not the build the other
/// tests run: it must give the same answer, byte for byte, with the same exit status. test.sh publishes it before the
/// tests start; run alone, the first test here publishes it (a minute or two).
/// </summary>
public sealed class PublishedBotTests
{
    private static readonly Lazy<string> PublishedDll = new(Publish);

    private static string Sample => Path.Combine(RepositoryPaths.Root, "samples", "mixed-502.log");

    [Theory]
    [InlineData("--json")]
    [InlineData("--no-color")]
    public void PublishedBot_DiagnosesASample_ExactlyAsTheTestedBuild(string format)
    {
        var tested = BotProcess.Run(["diagnose", format, Sample]);

        var published = BotProcess.Start("dotnet", [PublishedDll.Value, "diagnose", format, Sample]);

        Assert.Equal(1, tested.Exit);
        Assert.Equal(tested, published);
    }

    [Fact]
    public void PublishedBot_SaysAUsageError_AsTheTestedBuild()
    {
        var published = BotProcess.Start("dotnet", [PublishedDll.Value, "diagnose", "--jsno"]);

        Assert.Equal(BotCommandLine.ExitUsage, published.Exit);
        Assert.Equal(BotProcess.Run(["diagnose", "--jsno"]), published);
    }

    private static string Publish()
    {
        var script = RepositoryPaths.Script("publish-bot.sh");
        var (exit, stdout, stderr) = BotProcess.Start("bash", [script], timeout: TimeSpan.FromMinutes(15));
        if (exit != 0)
        {
            throw new InvalidOperationException($"{script} failed ({exit}): {stderr}");
        }

        var dll = stdout.Trim();
        Assert.True(File.Exists(dll), $"{script} printed '{dll}', which does not exist");
        return dll;
    }
}
