using Nginx502Bot.Grpc.Tests.Loopback;

namespace Nginx502Bot.Grpc.Tests.Interop;

/// <summary>Interop, direction (a): python3-grpcio's client calls OUR server over h2c.</summary>
[Collection(nameof(LoopbackServerGroup))]
public sealed class PythonClientInteropTests(GrpcServerFixture server)
{
    [Fact]
    public async Task PythonClient_UnaryErrorDeadlineStreamingAndAuth_AllPass()
    {
        server.Echo.Reset();
        using var python = PythonPeer.Start("client", $"127.0.0.1:{server.H2cAddress.Port}");

        var exitCode = await python.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.True(exitCode == 0, $"python client exited {exitCode}:\n{python.Output}");
        foreach (var expected in new[] { "OK unary", "OK error", "OK deadline", "OK streaming", "OK unauthenticated", "ALL OK" })
        {
            Assert.Contains(expected, python.Output.Split('\n'));
        }

        // The deadline case also cancelled our handler, and the Python client's grpc-timeout reached our server.
        await server.Echo.SleepCancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.NotNull(await server.Echo.DeadlineSeen.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
