using System.Net;
using System.Net.Sockets;

namespace Nginx502Bot.Agent.Probes.Direct;

/// <summary>Opens one connection with a hard timeout; the error text is what an operator would see (refused, timed out).</summary>
public static class Connector
{
    public static async Task<(Socket? Socket, string? Error)> ConnectAsync(EndPoint endpoint, TimeSpan timeout, CancellationToken ct)
    {
        var protocol = endpoint is UnixDomainSocketEndPoint ? ProtocolType.Unspecified : ProtocolType.Tcp;
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, protocol);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endpoint, cts.Token);
            return (socket, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            socket.Dispose();
            return (null, $"timed out after {timeout.TotalMilliseconds} ms");
        }
        catch (SocketException e)
        {
            socket.Dispose();
            return (null, e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "connection refused",
                SocketError.AccessDenied => "permission denied",
                SocketError.AddressNotAvailable when endpoint is UnixDomainSocketEndPoint => "no such socket",
                SocketError.AddressNotAvailable => "address not available",
                _ => e.SocketErrorCode.ToString(),
            });
        }
    }

    /// <summary>Sends a request and reads the first reply bytes until <paramref name="complete"/> says enough, EOF, cap or timeout.</summary>
    public static async Task<byte[]> ExchangeAsync(Socket socket, ReadOnlyMemory<byte> request, int cap, TimeSpan timeout,
        Func<ReadOnlyMemory<byte>, bool> complete, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        var buffer = new byte[cap];
        var total = 0;
        try
        {
            await socket.SendAsync(request, SocketFlags.None, cts.Token);
            int n;
            while (total < cap && (n = await socket.ReceiveAsync(buffer.AsMemory(total), SocketFlags.None, cts.Token)) > 0)
            {
                total += n;
                if (complete(buffer.AsMemory(0, total))) { break; }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException && !ct.IsCancellationRequested)
        {
            // A peer that resets or stays silent has still told us something: return what arrived.
        }

        return buffer[..total];
    }
}
