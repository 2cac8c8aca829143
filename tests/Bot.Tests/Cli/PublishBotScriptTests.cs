using System.Runtime.Versioning;
using Nginx502Bot.Bot.Tests.Infrastructure;

namespace Nginx502Bot.Bot.Tests.Cli;

/// <summary>
/// scripts/publish-bot.sh, which <c>./run.sh diagnose</c> calls every time: it must publish when anything the bot is
/// built from changed, and otherwise not at all (a publish that finds nothing to do still takes seconds). Run on a small
/// copy of the repository's layout with a recording <c>dotnet</c> first on PATH, so each case says exactly when a
/// publish ran.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PublishBotScriptTests : IDisposable
{
    private static readonly DateTime Past = DateTime.UtcNow.AddMinutes(-10);

    private readonly string _repo = Directory.CreateTempSubdirectory("publish-bot-").FullName;
    private string Calls => Path.Combine(_repo, "dotnet-calls.txt");
    private string Stamp => Path.Combine(_repo, "artifacts", "bot", ".published");
    private string Dll => Path.Combine(_repo, "artifacts", "bot", "nginx502bot.dll");

    public PublishBotScriptTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "scripts"));
        File.Copy(RepositoryPaths.Script("publish-bot.sh"), Path.Combine(_repo, "scripts", "publish-bot.sh"));
        foreach (var file in new[] { "src/Bot/Nginx502Bot.Bot.csproj", "src/Bot/Program.cs", "src/Diagnostics/Rule.cs", "src/Diagnostics/Old.cs",
                     "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            Write(file, "// " + file);
        }

        // A dotnet that records its arguments and "publishes" by writing the dll where -o says (or fails when asked to).
        Write("fakebin/dotnet", """
            #!/usr/bin/env bash
            echo "$*" >> "$FAKE_DOTNET_CALLS"
            if [ -n "${FAKE_DOTNET_FAIL:-}" ]; then echo "src/Bot/Program.cs(3,1): error CS1002: ; expected"; exit 1; fi
            prev=""; for a in "$@"; do [ "$prev" = "-o" ] && out=$a; prev=$a; done
            mkdir -p "$out" && echo published > "$out/nginx502bot.dll"
            """);
        File.SetUnixFileMode(Path.Combine(_repo, "fakebin", "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        // Everything was written long before the first publish, so only what a case changes afterwards is newer.
        foreach (var entry in Directory.EnumerateFileSystemEntries(_repo, "*", SearchOption.AllDirectories).Append(_repo))
        {
            SetTime(entry, Past);
        }
    }

    [Fact]
    public void FirstCall_PublishesReadyToRunInRelease_AndPrintsTheDll()
    {
        var (exit, stdout, stderr) = Run();

        Assert.Equal(0, exit);
        AssertPrintsTheDll(stdout);
        var call = Assert.Single(Published());
        Assert.Contains("publish src/Bot/Nginx502Bot.Bot.csproj -c Release", call);
        Assert.Contains("-p:PublishReadyToRun=true", call);
        Assert.Contains("--self-contained false", call);
        Assert.Contains("publishing nginx502bot", stderr);
    }

    [Fact]
    public void NothingChanged_DoesNotPublishAgain_AndSaysNothing()
    {
        Run();

        var (exit, stdout, stderr) = Run();

        Assert.Equal(0, exit);
        AssertPrintsTheDll(stdout);
        Assert.Equal("", stderr);
        Assert.Single(Published());
    }

    [Theory]
    [InlineData("src/Diagnostics/Rule.cs")]
    [InlineData("src/Bot/Nginx502Bot.Bot.csproj")]
    [InlineData("Directory.Packages.props")]
    [InlineData("scripts/publish-bot.sh")]
    public void SourceEditedAfterThePublish_PublishesAgain(string file)
    {
        Run();
        SetTime(Path.Combine(_repo, file), DateTime.UtcNow.AddMinutes(1));

        Run();

        Assert.Equal(2, Published().Count);
    }

    [Fact]
    public void SourceFileDeleted_PublishesAgain()
    {
        Run();
        SetTime(Stamp, DateTime.UtcNow.AddSeconds(-5));

        File.Delete(Path.Combine(_repo, "src/Diagnostics/Old.cs"));
        Run();

        Assert.Equal(2, Published().Count);
    }

    [Fact]
    public void OnlyBuildOutputsChanged_DoesNotPublishAgain()
    {
        // The tests' own builds write under each project's bin/ and obj/, which exist from the first build on.
        string[] outputs = ["src/Bot/bin/Release/net10.0/nginx502bot.dll", "src/Diagnostics/obj/project.assets.json"];
        foreach (var output in outputs)
        {
            Write(output, "built by the tests");
        }

        SetTime(Path.Combine(_repo, "src/Bot"), Past);
        SetTime(Path.Combine(_repo, "src/Diagnostics"), Past);
        Run();
        foreach (var output in outputs)
        {
            Write(output, "built again");
            SetTime(Path.Combine(_repo, output), DateTime.UtcNow.AddMinutes(1));
        }

        Run();

        Assert.Single(Published());
    }

    [Fact]
    public void PublishFails_ShowsTheCompilerErrors_ExitsNonZero_AndTriesAgainNextTime()
    {
        var (exit, stdout, stderr) = Run(fail: true);

        Assert.NotEqual(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains("error CS1002: ; expected", stderr);
        Assert.Contains("publishing nginx502bot failed", stderr);

        Assert.Equal(0, Run().Exit);
        Assert.Equal(2, Published().Count);
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    /// <summary>The absolute path of the published dll (with links resolved, so compared by what it names).</summary>
    private void AssertPrintsTheDll(string stdout)
    {
        var printed = stdout.Trim();
        Assert.True(Path.IsPathRooted(printed), printed);
        Assert.EndsWith("/artifacts/bot/nginx502bot.dll", printed, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Dll), File.ReadAllText(printed));
    }

    private List<string> Published() =>
        File.Exists(Calls) ? [.. File.ReadAllLines(Calls).Where(line => line.StartsWith("publish ", StringComparison.Ordinal))] : [];

    private (int Exit, string Stdout, string Stderr) Run(bool fail = false)
    {
        var environment = new Dictionary<string, string>
        {
            ["PATH"] = Path.Combine(_repo, "fakebin") + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["FAKE_DOTNET_CALLS"] = Calls,
        };
        if (fail)
        {
            environment["FAKE_DOTNET_FAIL"] = "1";
        }

        return BotProcess.Start("bash", [Path.Combine(_repo, "scripts", "publish-bot.sh")], environment: environment, timeout: TimeSpan.FromSeconds(30));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n") + "\n");
    }

    private static void SetTime(string path, DateTime utc)
    {
        if (Directory.Exists(path))
        {
            Directory.SetLastWriteTimeUtc(path, utc);
        }
        else
        {
            File.SetLastWriteTimeUtc(path, utc);
        }
    }
}
