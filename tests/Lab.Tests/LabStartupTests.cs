using System.Net;
using System.Net.Sockets;
using Nginx502Bot.Lab.Backends;
using Nginx502Bot.Lab.Processes;

namespace Nginx502Bot.Lab.Tests;

/// <summary>
/// The lab's start-up must fail loudly and with its reason: a suite of a hundred tests that all fail with "did not
/// start" and nothing else cannot be fixed from a CI log.
/// </summary>
public sealed class LabStartupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-startup-").FullName;

    [Fact]
    public async Task BackendWhosePortIsTaken_FailsWithTheBindErrorAndExitCode()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((IPEndPoint)squatter.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            PythonBackends.StartAsync(_dir, [new LabBackend { Mode = "close", Port = port }], CancellationToken.None));

        Assert.Contains("Address already in use", error.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FreePorts_NeverHandsOutAPortTwice()
    {
        var ports = Enumerable.Range(0, 200).Select(_ => FreePorts.Next()).ToList();
        var pair = FreePorts.NextPair();
        ports.Add(pair);
        ports.Add(pair + 1);

        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.DoesNotContain(FreePorts.Next(), ports);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
