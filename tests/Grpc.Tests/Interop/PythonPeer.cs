using System.Collections.Concurrent;
using System.Diagnostics;

namespace Nginx502Bot.Grpc.Tests.Interop;

/// <summary>
/// Runs tests/Grpc.Tests/python/interop.py with Debian's /usr/bin/python3 (the pyenv python on PATH has no grpcio).
/// Arguments go through ArgumentList (no shell); output is collected line by line; Dispose kills the process by its PID.
/// </summary>
public sealed class PythonPeer : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private PythonPeer(Process process)
    {
        _process = process;
    }

    public string Output => string.Join('\n', _lines);

    public static PythonPeer Start(params string[] arguments)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "python", "interop.py");
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Keep the system interpreter on its own packages, and keep any proxy away from loopback traffic.
        foreach (var name in new[] { "PYTHONPATH", "PYTHONHOME", "http_proxy", "https_proxy", "grpc_proxy", "HTTP_PROXY", "HTTPS_PROXY" })
        {
            start.Environment.Remove(name);
        }

        var process = new Process { StartInfo = start };
        var peer = new PythonPeer(process);
        process.OutputDataReceived += (_, e) => peer.Collect(e.Data, string.Empty);
        process.ErrorDataReceived += (_, e) => peer.Collect(e.Data, "stderr: ");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>Waits for a line starting with <paramref name="prefix"/>; fails with the output so far on timeout.</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            if (_lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line)
            {
                return line;
            }

            try
            {
                await _lineArrived.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No line starting with '{prefix}' within {timeout}. Output:\n{Output}");
            }
        }
    }

    /// <summary>Waits for exit and returns the exit code; kills the process and fails on timeout.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"Python peer still running after {timeout}. Output:\n{Output}");
        }
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void Collect(string? line, string prefix)
    {
        if (line is not null)
        {
            _lines.Enqueue(prefix + line);
            _lineArrived.Release();
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            // The parameterless wait also drains the asynchronous output handlers, so none runs after Dispose.
            if (_process.WaitForExit(5000))
            {
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing to clean up.
        }
    }
}
