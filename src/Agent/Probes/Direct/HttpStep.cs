using System.Net;
using System.Text;

namespace Nginx502Bot.Agent.Probes.Direct;

/// <summary>Sends <c>GET / HTTP/1.0</c> and reads the response header: status and header size (what *_buffer_size must hold).</summary>
public static class HttpStep
{
    private const int MaxHeader = 64 * 1024;

    public static async Task<StepResult> RunAsync(EndPoint endpoint, string host, TimeSpan timeout, CancellationToken ct)
    {
        var (socket, error) = await Connector.ConnectAsync(endpoint, timeout, ct);
        if (socket is null) { return new StepResult(null, Detail: error); }
        using (socket)
        {
            var request = Encoding.ASCII.GetBytes($"GET / HTTP/1.0\r\nHost: {host}\r\nUser-Agent: nginx502bot-agent\r\nAccept: */*\r\n\r\n");
            var reply = await Connector.ExchangeAsync(socket, request, MaxHeader, timeout, r => HeaderEnd(r.Span) >= 0, ct);
            var speaks = Protocols.Recognise(reply);
            if (speaks != Protocols.Http) { return new StepResult(speaks, Detail: Describe(reply)); }

            var end = HeaderEnd(reply);
            var statusLine = Encoding.ASCII.GetString(reply, 0, Math.Max(0, Array.IndexOf(reply, (byte)'\r')));
            var parts = statusLine.Split(' ');
            int? status = parts.Length > 1 && int.TryParse(parts[1], out var s) ? s : null;
            return new StepResult(speaks, status, end >= 0 ? end + 4 : reply.Length, statusLine);
        }
    }

    private static int HeaderEnd(ReadOnlySpan<byte> data) => data.IndexOf("\r\n\r\n"u8);

    private static string Describe(byte[] reply) => reply.Length == 0
        ? "closed without a reply to HTTP"
        : $"replied {reply.Length} bytes starting {Convert.ToHexString(reply.AsSpan(0, Math.Min(8, reply.Length)))}";
}
