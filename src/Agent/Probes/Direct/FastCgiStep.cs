using System.Net;

namespace Nginx502Bot.Agent.Probes.Direct;

/// <summary>Sends a FastCGI <c>FCGI_GET_VALUES</c> management record; a FastCGI server answers <c>FCGI_GET_VALUES_RESULT</c> (type 10).</summary>
public static class FastCgiStep
{
    private const byte GetValuesResult = 10;

    /// <summary>Header (version 1, type 9, request id 0) plus the three standard names with empty values.</summary>
    public static byte[] GetValuesRecord()
    {
        var body = new List<byte>();
        foreach (var name in new[] { "FCGI_MAX_CONNS", "FCGI_MAX_REQS", "FCGI_MPXS_CONNS" })
        {
            body.Add((byte)name.Length);
            body.Add(0);
            body.AddRange(System.Text.Encoding.ASCII.GetBytes(name));
        }

        var padding = (8 - body.Count % 8) % 8;
        byte[] header = [1, 9, 0, 0, (byte)(body.Count >> 8), (byte)body.Count, (byte)padding, 0];
        return [.. header, .. body, .. new byte[padding]];
    }

    public static async Task<StepResult> RunAsync(EndPoint endpoint, TimeSpan timeout, CancellationToken ct)
    {
        var (socket, error) = await Connector.ConnectAsync(endpoint, timeout, ct);
        if (socket is null) { return new StepResult(null, Detail: error); }
        using (socket)
        {
            var reply = await Connector.ExchangeAsync(socket, GetValuesRecord(), 1024, timeout, r => r.Length >= 8, ct);
            if (reply.Length >= 8 && reply[0] == 1 && reply[1] == GetValuesResult)
            {
                return new StepResult(Protocols.FastCgi, Detail: "FCGI_GET_VALUES_RESULT");
            }

            return new StepResult(Protocols.Recognise(reply) is var s && s == Protocols.FastCgi ? Protocols.FastCgi : s,
                Detail: reply.Length == 0 ? "closed without a FastCGI reply" : null);
        }
    }
}
