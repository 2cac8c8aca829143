using System.Diagnostics;
using Nginx502Bot.Agent.Tests.Support;

namespace Nginx502Bot.Agent.Tests.Aot;

/// <summary>
/// The NativeAOT agent binary, published once per test run by scripts/publish-agent-aot.sh (incremental: seconds when
/// nothing changed, a few minutes from scratch), so the tests never run a stale binary.
/// </summary>
public sealed class NativeAotAgent
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(15);

    public NativeAotAgent()
    {
        var script = Path.Combine(FixturePaths.Repository, "scripts", "publish-agent-aot.sh");
        var psi = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + script);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(PublishTimeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {PublishTimeout.TotalMinutes} minutes");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {stderr.Result}");
        }

        Binary = Path.GetFullPath(stdout.Result.Trim());
        if (!File.Exists(Binary))
        {
            throw new FileNotFoundException("the publish script did not produce the agent binary", Binary);
        }
    }

    /// <summary>Absolute path of the native <c>nginx502bot-agent</c>.</summary>
    public string Binary { get; }
}
