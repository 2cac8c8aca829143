using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Nginx502Bot.Agent.Probes.Direct;

/// <summary>
/// Attempts a TLS handshake to learn whether the port speaks TLS at all. Nothing is sent after the handshake and no
/// data is trusted, which is why the certificate is not validated here (certificate problems are upstream_tls's business).
/// </summary>
public static class TlsStep
{
    public static async Task<StepResult> RunAsync(EndPoint endpoint, string host, TimeSpan timeout, CancellationToken ct)
    {
        var (socket, error) = await Connector.ConnectAsync(endpoint, timeout, ct);
        if (socket is null) { return new StepResult(null, Detail: error); }
        using var stream = new NetworkStream(socket, ownsSocket: true);
        using var tls = new SslStream(stream);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await tls.AuthenticateAsClientAsync(Options(host), cts.Token);
            return new StepResult(Protocols.Tls, Detail: $"{tls.SslProtocol} handshake completed");
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return new StepResult(null, Detail: "no TLS handshake");
        }
    }

#pragma warning disable CA5359 // Identification only: the handshake result is the signal, no data crosses this connection.
    private static SslClientAuthenticationOptions Options(string host) => new()
    {
        TargetHost = IPAddress.TryParse(host, out _) ? "" : host,
        RemoteCertificateValidationCallback = (_, _, _, _) => true,
    };
#pragma warning restore CA5359
}
