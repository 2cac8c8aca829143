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

    /// <summary>
    /// Runs any program the same way (the published bot, a script), with <paramref name="environment"/> added to this
    /// process's environment and killed after <paramref name="timeout"/> (default 60 s).
    /// </summary>
    public static (int Exit, string Stdout, string Stderr) Start(string program, IEnumerable<string> args, byte[]? stdin = null,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
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

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }

        var limit = timeout ?? TimeSpan.FromSeconds(60);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {limit}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
