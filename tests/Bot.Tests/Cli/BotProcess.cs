using System.Diagnostics;

namespace Nginx502Bot.Bot.Tests.Cli;

/// <summary>Runs the real <c>nginx502bot</c> executable as an operator would, and keeps its exit status and both outputs.</summary>
public static class BotProcess
{
    /// <param name="args">The command line after <c>nginx502bot</c>.</param>
    /// <param name="stdin">Bytes piped to its standard input, or null for none.</param>
    /// <param name="workingDirectory">Where it runs (for relative paths), or null for the test's own.</param>
    public static (int Exit, string Stdout, string Stderr) Run(IEnumerable<string> args, byte[]? stdin = null, string? workingDirectory = null) =>
        Start("dotnet", [Executable, .. args], stdin, workingDirectory);

    /// <summary>
    /// Runs it with a terminal for its standard input and output, as from an operator's shell: util-linux's <c>script</c>
    /// gives it a pseudo-terminal and passes <paramref name="typed"/> through it (Ctrl-D, U+0004, on an empty line ends the
    /// input). What the terminal echoes and both outputs come back together in Stdout.
    /// </summary>
    public static (int Exit, string Stdout, string Stderr) RunInTerminal(IEnumerable<string> args, byte[] typed) =>
        Start("script", ["-q", "-e", "-c", string.Join(' ', new[] { "dotnet", Executable }.Concat(args).Select(a => $"'{a}'")), "/dev/null"], typed, null);

    private static string Executable => Path.Combine(AppContext.BaseDirectory, "nginx502bot.dll");

    private static (int Exit, string Stdout, string Stderr) Start(string program, IEnumerable<string> args, byte[]? stdin, string? workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = stdin is not null, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
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
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 60 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
