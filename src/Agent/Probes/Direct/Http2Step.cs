using System.Net;

namespace Nginx502Bot.Agent.Probes.Direct;

/// <summary>Sends the HTTP/2 connection preface and an empty SETTINGS frame; an h2c (gRPC) server answers with SETTINGS.</summary>
public static class Http2Step
{
    private static readonly byte[] Preface =
    [
        .. "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray(),
        0, 0, 0, 4, 0, 0, 0, 0, 0,
    ];

    public static async Task<StepResult> RunAsync(EndPoint endpoint, TimeSpan timeout, CancellationToken ct)
    {
        var (socket, error) = await Connector.ConnectAsync(endpoint, timeout, ct);
        if (socket is null) { return new StepResult(null, Detail: error); }
        using (socket)
        {
            var reply = await Connector.ExchangeAsync(socket, Preface, 4096, timeout, r => r.Length >= 9, ct);
            return new StepResult(Protocols.Recognise(reply));
        }
    }
}
