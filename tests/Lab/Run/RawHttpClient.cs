using System.Net.Sockets;
using System.Text;

namespace Nginx502Bot.Lab.Run;

/// <summary>
/// One HTTP/1.1 request (GET, or POST with a zero-filled body) over a fresh loopback connection, read to EOF. Not HttpClient on purpose: HttpClient silently
/// re-sends a GET when a connection closes before response bytes arrive (it did for the cut chunked body), which
/// doubles the requests nginx logs; it also cannot show an HTTP/0.9 answer (009).
/// </summary>
public static class RawHttpClient
{
    private const int MaxResponseBytes = 1 << 20;

    /// <summary>Sends the request and returns the status code (null for none: 009, nothing, or a cut-off answer).</summary>
    public static async Task<(int? Status, string? Error)> SendAsync(int port, string target, int bodyBytes,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var client = new TcpClient();
        var received = new MemoryStream();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, deadline.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(Head(port, target, bodyBytes)), deadline.Token);
            await WriteBodyAsync(stream, bodyBytes, deadline.Token);
            await ReadToEndAsync(stream, received, deadline.Token);
            return (StatusOf(received), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (StatusOf(received), $"client gave up after {timeout.TotalSeconds:0.#} s");
        }
        catch (IOException e)
        {
            return (StatusOf(received), e.Message);
        }
        catch (SocketException e)
        {
            return (StatusOf(received), e.Message);
        }
    }

    /// <summary>The request line and headers; <c>Method</c> is POST when there is a body.</summary>
    public static string Head(int port, string target, int bodyBytes) => bodyBytes > 0
        ? $"POST {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: nginx502bot-lab\r\nContent-Length: {bodyBytes}\r\nConnection: close\r\n\r\n"
        : $"GET {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUser-Agent: nginx502bot-lab\r\nConnection: close\r\n\r\n";

    private static async Task WriteBodyAsync(NetworkStream stream, int bodyBytes, CancellationToken cancellationToken)
    {
        var chunk = new byte[64 * 1024];
        for (var left = bodyBytes; left > 0; left -= chunk.Length)
        {
            await stream.WriteAsync(chunk.AsMemory(0, Math.Min(left, chunk.Length)), cancellationToken);
        }
    }

    private static async Task ReadToEndAsync(NetworkStream stream, MemoryStream received, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        int read;
        while (received.Length < MaxResponseBytes && (read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            received.Write(buffer, 0, read);
        }
    }

    private static int? StatusOf(MemoryStream received)
    {
        var head = Encoding.ASCII.GetString(received.GetBuffer(), 0, (int)Math.Min(received.Length, 64));
        var parts = head.Split(' ', 3);
        return parts.Length >= 2 && parts[0].StartsWith("HTTP/", StringComparison.Ordinal) && int.TryParse(parts[1], out var status)
            ? status
            : null;
    }
}
