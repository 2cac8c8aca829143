using System.Diagnostics;
using System.Text;

namespace Nginx502Bot.Agent.Host;

/// <summary>
/// Runs a program with a fixed argument vector: never through a shell, never with request text. Output is capped and
/// the process is killed (by its own handle) when the timeout passes.
/// </summary>
public sealed class ProcessRunner
{
    public const int MaxOutputChars = 256 * 1024;

    public async Task<ProcessResult?> RunAsync(string program, IReadOnlyList<string> args, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) { psi.ArgumentList.Add(a); }
        psi.Environment["LC_ALL"] = "C";
        psi.Environment["SYSTEMD_PAGER"] = "";

        using var process = new Process { StartInfo = psi };
        try
        {
            if (!process.Start()) { return null; }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }

        process.StandardInput.Close();
        var stdout = ReadCappedAsync(process.StandardOutput);
        var stderr = ReadCappedAsync(process.StandardError);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {timeout.TotalMilliseconds} ms");
        }

        return new ProcessResult(process.ExitCode, await stdout, await stderr);
    }

    private static async Task<string> ReadCappedAsync(StreamReader reader)
    {
        var sb = new StringBuilder();
        var buffer = new char[8192];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0)
        {
            if (sb.Length < MaxOutputChars) { sb.Append(buffer, 0, Math.Min(n, MaxOutputChars - sb.Length)); }
        }

        return sb.ToString();
    }
}
