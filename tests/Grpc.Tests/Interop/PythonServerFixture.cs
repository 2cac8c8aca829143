namespace Nginx502Bot.Grpc.Tests.Interop;

/// <summary>Starts python3-grpcio's server (interop.py server) on a free loopback port; kills it by PID on dispose.</summary>
public sealed class PythonServerFixture : IAsyncLifetime
{
    private PythonPeer? _peer;

    public Uri Address { get; private set; } = new("http://127.0.0.1:1");

    public PythonPeer Peer => _peer ?? throw new InvalidOperationException("Python server not started.");

    public async Task InitializeAsync()
    {
        _peer = PythonPeer.Start("server");
        var line = await _peer.WaitForLineAsync("PORT ", TimeSpan.FromSeconds(20));
        Address = new Uri($"http://127.0.0.1:{int.Parse(line["PORT ".Length..])}");
    }

    public Task DisposeAsync()
    {
        _peer?.Dispose();
        return Task.CompletedTask;
    }
}
