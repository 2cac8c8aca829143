using System.Diagnostics;
using System.Text;

namespace Nginx502Bot.Lab.Processes;

/// <summary>
/// A process the lab started (no shell: arguments go through <see cref="ProcessStartInfo.ArgumentList"/>).
/// Stopped by its own PID: SIGTERM first, then SIGKILL for it and its children; every wait is bounded.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process) => _process = process;

    public int Pid => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote to stdout and stderr so far (for failure messages).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// For failure messages: the exit status when the process has ended, and everything it wrote. An ended process's
    /// last lines may still be in the pipe when <see cref="HasExited"/> turns true, so this first waits (bounded) for
    /// both streams to reach their end; a crash's traceback is the part that explains it.
    /// </summary>
    public string Describe()
    {
        if (!_process.HasExited)
        {
            return "still running; output so far:\n" + Output;
        }

        // The no-argument wait is the one that also waits for the redirected streams to be read to their end.
        _ = Task.Run(() => _process.WaitForExit()).Wait(TimeSpan.FromSeconds(3));
        return $"exited with code {_process.ExitCode}; output:\n{Output}";
    }

    /// <summary>Stops a process that failed to come up and returns the error to throw, with its exit status and output.</summary>
    public InvalidOperationException StartFailure(string what)
    {
        var description = Describe();
        Dispose();
        return new InvalidOperationException($"{what} did not start: {description}");
    }

    /// <summary>Raised for each stdout line (the python backends announce READY this way).</summary>
    public event Action<string>? LineWritten;

    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = info };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data, raise: true);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data, raise: false);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Stops the process: SIGTERM, up to <paramref name="grace"/> to exit, then SIGKILL for its tree.</summary>
    public void Stop(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = Signals.Send(_process.Id, Signals.Term);
        if (_process.WaitForExit(grace))
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }

        _process.WaitForExit(TimeSpan.FromSeconds(3));
    }

    public void Dispose()
    {
        Stop(TimeSpan.FromSeconds(3));
        _process.Dispose();
    }

    private void Append(string? line, bool raise)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            if (_output.Length < 64_000)
            {
                _output.AppendLine(line);
            }
        }

        if (raise)
        {
            LineWritten?.Invoke(line);
        }
    }
}
