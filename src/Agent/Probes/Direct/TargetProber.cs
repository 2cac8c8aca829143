using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Nginx502Bot.Diagnostics.Evidence;

namespace Nginx502Bot.Agent.Probes.Direct;

/// <summary>
/// Probes one target bypassing nginx: TCP (or unix) connect, then identification steps on fresh connections, the
/// one the scheme expects first, until one recognises the protocol. Each step has the same tight timeout; a silent
/// peer gets the remaining steps at once after a short head start instead of one timeout after another.
/// </summary>
public static class TargetProber
{
    public static async Task<DirectProbeResult> ProbeAsync(string target, EndPoint endpoint, string host, string? scheme,
        TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var (socket, error) = await Connector.ConnectAsync(endpoint, timeout, ct);
        if (socket is null)
        {
            return new DirectProbeResult { Target = target, Connected = false, ConnectError = error, ElapsedMs = clock.ElapsedMilliseconds };
        }

        socket.Dispose();
        var result = new DirectProbeResult { Target = target, Connected = true };
        var order = Order(scheme, endpoint is UnixDomainSocketEndPoint);
        using var rest = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var steps = new Task<StepResult>?[order.Length];
        var first = Run(order[0], endpoint, host, timeout, ct);
        steps[0] = first;

        // A live peer answers the first step within a few milliseconds and nothing else is sent. A peer that stays
        // silent would make the steps add up (three timeouts); past the head start the others run alongside on their
        // own connections. Results are still taken in order, so the answer is the one the sequence would give.
        if (await Task.WhenAny(first, Task.Delay(HeadStart, ct)) != first)
        {
            for (var i = 1; i < order.Length; i++) { steps[i] = Run(order[i], endpoint, host, timeout, rest.Token); }
        }

        try
        {
            for (var i = 0; i < order.Length; i++)
            {
                var r = await (steps[i] ??= Run(order[i], endpoint, host, timeout, rest.Token));
                result = Merge(result, order[i], r);
                if (r.Speaks is not null and not Protocols.Unknown) { break; }
            }
        }
        finally
        {
            await rest.CancelAsync();
            await DrainAsync(steps);
        }

        return result with { Speaks = result.Speaks ?? Protocols.Unknown, ElapsedMs = clock.ElapsedMilliseconds };
    }

    /// <summary>How long the first identification step runs alone before the others start beside it.</summary>
    public static readonly TimeSpan HeadStart = TimeSpan.FromMilliseconds(150);

    /// <summary>Waits for steps that were started but not needed (cancelled), so none outlives the probe.</summary>
    private static async Task DrainAsync(Task<StepResult>?[] steps)
    {
        foreach (var step in steps.OfType<Task<StepResult>>())
        {
            try { await step; }
            catch (OperationCanceledException) { /* not needed any more */ }
        }
    }

    /// <summary>TLS first for HTTP-ish schemes: an nginx TLS port answers plain HTTP with a 400, which would hide the TLS.</summary>
    private static string[] Order(string? scheme, bool unix) => scheme switch
    {
        "fastcgi" => [Protocols.FastCgi, Protocols.Http],
        "grpc" or "grpcs" => [Protocols.Http2, Protocols.Tls, Protocols.Http],
        _ when unix => [Protocols.Http, Protocols.FastCgi],
        _ => [Protocols.Tls, Protocols.Http, Protocols.FastCgi],
    };

    private static Task<StepResult> Run(string step, EndPoint endpoint, string host, TimeSpan timeout, CancellationToken ct) => step switch
    {
        Protocols.Tls => TlsStep.RunAsync(endpoint, host, timeout, ct),
        Protocols.Http => HttpStep.RunAsync(endpoint, host, timeout, ct),
        Protocols.Http2 => Http2Step.RunAsync(endpoint, timeout, ct),
        _ => FastCgiStep.RunAsync(endpoint, timeout, ct),
    };

    private static DirectProbeResult Merge(DirectProbeResult result, string step, StepResult r) => result with
    {
        Speaks = r.Speaks is not null and not Protocols.Unknown ? r.Speaks : result.Speaks ?? (r.Speaks == Protocols.Unknown ? null : result.Speaks),
        HttpStatus = r.HttpStatus ?? result.HttpStatus,
        HeaderBytes = r.HeaderBytes ?? result.HeaderBytes,
        TlsHandshake = result.TlsHandshake || (step == Protocols.Tls && r.Speaks == Protocols.Tls),
        FastCgiValues = result.FastCgiValues || (step == Protocols.FastCgi && r.Speaks == Protocols.FastCgi),
        Detail = r.Detail ?? result.Detail,
    };
}
