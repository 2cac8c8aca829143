using System.Diagnostics;

namespace Nginx502Bot.Bot.Tests.Cli;

/// <summary>Runs the real <c>nginx502bot</c> executable as an operator would, and keeps its exit status and both outputs.</summary>
public static class BotProcess
{
    /// <param name="args">The command line after <c>nginx502bot</c>.</param>
    /// <param name="stdin">Bytes piped to its standard input, or null for none.</param>
    /// <param name="workingDirectory">Where it runs (for relative paths), or null for the test's own.</param>
    public static (int Exit, string Stdout, string Stderr) Run(IEnumerable<string> args, byte[]? stdin = null, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "nginx502bot.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill();
            throw new TimeoutException($"nginx502bot {string.Join(' ', args)} did not finish in 60 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
