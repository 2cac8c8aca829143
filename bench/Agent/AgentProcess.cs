using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Nginx502Bot.Agent.Bench;

/// <summary>One <c>nginx502bot-agent serve --insecure</c> process on a loopback port; killed by its PID on dispose.</summary>
public sealed class AgentProcess : IDisposable
{
    public const string Token = "bench-token-not-a-secret";

    private readonly Process _process;

    private AgentProcess(Process process, int port, TimeSpan startup)
    {
        _process = process;
        Port = port;
        Startup = startup;
    }

    public int Port { get; }

    public string Address => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");

    /// <summary>From Process.Start to the first 200 from /healthz.</summary>
    public TimeSpan Startup { get; }

    public int Pid => _process.Id;

    /// <summary>Starts <paramref name="command"/> (argv, no shell) and waits (at most 30 s) until /healthz answers.</summary>
    public static async Task<AgentProcess> StartAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in command.Skip(1)) { info.ArgumentList.Add(a); }
        foreach (var a in new[] { "serve", "--insecure", "--address", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture) }) { info.ArgumentList.Add(a); }
        foreach (var (k, v) in environment) { info.Environment[k] = v; }
        info.Environment["NGINX502BOT_Serve__Token"] = Token;

        using var http = H2cClient();
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start the agent");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { Console.Error.WriteLine("agent: " + line); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"));
                if (response.IsSuccessStatusCode)
                {
                    return new AgentProcess(process, port, Stopwatch.GetElapsedTime(started));
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(2);
        }

        Kill(process);
        throw new InvalidOperationException("the agent did not answer /healthz within 30 s");
    }

    /// <summary>User + system CPU time of the agent so far, from /proc/PID/stat (fields 14 and 15, in clock ticks of 10 ms).</summary>
    public double CpuMs()
    {
        var stat = File.ReadAllText($"/proc/{Pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) * 10.0;
    }

    /// <summary>VmRSS or VmHWM (kB → MiB) from /proc/PID/status.</summary>
    public double StatusMiB(string field) => ReadStatusMiB(Pid, field);

    public static double ReadStatusMiB(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kb = long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                return kb / 1024.0;
            }
        }

        return double.NaN;
    }

    public static HttpClient H2cClient() => new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(1) })
    {
        DefaultRequestVersion = HttpVersion.Version20,
        DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        Timeout = TimeSpan.FromSeconds(2),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public void Dispose()
    {
        Kill(_process);
        _process.Dispose();
    }
}
