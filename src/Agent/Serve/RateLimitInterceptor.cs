using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nginx502Bot.Grpc.Server;
using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Agent.Serve;

/// <summary>
/// A fixed one-minute window per peer address (port ignored), checked before authentication so token guessing is
/// bounded too. Over the limit: RESOURCE_EXHAUSTED.
/// </summary>
public sealed class RateLimitInterceptor(IOptions<ServeOptions> options, TimeProvider time, ILogger<RateLimitInterceptor> logger) : IGrpcServerInterceptor
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public ValueTask OnCallStartingAsync(ServerCallContext context, CancellationToken cancellationToken)
    {
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        var window = _windows.AddOrUpdate(PeerAddress(context.Peer), _ => new Window(minute, 1),
            (_, w) => w.Minute == minute ? w with { Count = w.Count + 1 } : new Window(minute, 1));
        if (window.Count > options.Value.RateLimitPerMinute)
        {
            ServeLog.RateLimited(logger, context.Method, context.Peer, context.CorrelationId ?? "-");
            throw new GrpcCallException(GrpcStatusCode.ResourceExhausted, "Too many calls; retry in a minute.");
        }

        if (_windows.Count > 10_000) { Prune(minute); }
        return ValueTask.CompletedTask;
    }

    /// <summary><c>ipv4:127.0.0.1:5000</c> → <c>ipv4:127.0.0.1</c>; <c>ipv6:[::1]:5000</c> → <c>ipv6:[::1]</c>.</summary>
    public static string PeerAddress(string peer)
    {
        var colon = peer.LastIndexOf(':');
        return colon > peer.IndexOf(':') ? peer[..colon] : peer;
    }

    private void Prune(long minute)
    {
        foreach (var (key, w) in _windows)
        {
            if (w.Minute < minute) { _windows.TryRemove(key, out _); }
        }
    }

    private sealed record Window(long Minute, int Count);
}
