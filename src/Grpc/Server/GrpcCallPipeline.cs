using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nginx502Bot.Grpc.Status;

namespace Nginx502Bot.Grpc.Server;

/// <summary>
/// Runs one gRPC call: validation, deadline, interceptors, the method body, and mapping of the outcome to a status.
/// Exception text never reaches the client: unexpected exceptions become UNKNOWN with a fixed message and are logged.
/// </summary>
internal static class GrpcCallPipeline
{
    // How long an abandoned handler (one that ignored cancellation) may keep the HTTP context after the status was sent.
    private static readonly TimeSpan AbandonedHandlerGrace = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(HttpContext http, string method, Func<GrpcServerCall, Task> body)
    {
        if (!await GrpcRequestValidator.ValidateAsync(http))
        {
            return;
        }

        var services = http.RequestServices;
        var options = services.GetService<IOptions<GrpcServerOptions>>()?.Value ?? new GrpcServerOptions();
        var timeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetService<ILoggerFactory>()?.CreateLogger(GrpcServerLog.Category) ?? NullLogger.Instance;
        using var call = GrpcServerCall.Start(http, method, options, timeProvider, logger);
        var correlationId = call.Context.CorrelationId ?? "-";
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId });
        GrpcServerLog.CallStarting(logger, method, call.Context.Peer, correlationId);
        var started = timeProvider.GetTimestamp();

        var work = string.Equals(http.Request.Path.Value, method, StringComparison.Ordinal)
            ? InterceptThenRunAsync(call, services, body)
            : Task.FromException(new GrpcCallException(GrpcStatusCode.Unimplemented, "Method is unimplemented."));
        var (code, detail) = await AwaitOutcomeAsync(call, work, logger, method);
        if (!call.IsClientGone)
        {
            await call.CompleteAsync(code, detail);
        }

        GrpcServerLog.CallFinished(logger, method, code, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
        await WaitForAbandonedHandlerAsync(work, logger, method);
    }

    /// <summary>Answers UNIMPLEMENTED (Trailers-Only) for gRPC requests to unmapped paths, 404 for anything else.</summary>
    public static async Task RunFallbackAsync(HttpContext http)
    {
        if (!Wire.GrpcProtocol.IsGrpcContentType(http.Request.ContentType))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await RunAsync(http, http.Request.Path.Value ?? "/", static _ =>
            Task.FromException(new GrpcCallException(GrpcStatusCode.Unimplemented, "Method is unimplemented.")));
    }

    private static async Task InterceptThenRunAsync(GrpcServerCall call, IServiceProvider services, Func<GrpcServerCall, Task> body)
    {
        foreach (var interceptor in services.GetServices<IGrpcServerInterceptor>())
        {
            await interceptor.OnCallStartingAsync(call.Context, call.Context.CancellationToken);
        }

        await body(call);
    }

    private static async Task<(GrpcStatusCode Code, string Detail)> AwaitOutcomeAsync(
        GrpcServerCall call, Task work, ILogger logger, string method)
    {
        // The deadline wins even over a handler that ignores its token: the client gets DEADLINE_EXCEEDED on time.
        await Task.WhenAny(work, call.DeadlineReached);
        if (!work.IsCompleted)
        {
            GrpcServerLog.DeadlineExceeded(logger, method);
            return (GrpcStatusCode.DeadlineExceeded, "Deadline Exceeded");
        }

        try
        {
            await work;
            return (GrpcStatusCode.Ok, string.Empty);
        }
        catch (GrpcCallException e)
        {
            return (e.StatusCode, e.Detail);
        }
        catch (OperationCanceledException) when (call.IsDeadlineExceeded)
        {
            GrpcServerLog.DeadlineExceeded(logger, method);
            return (GrpcStatusCode.DeadlineExceeded, "Deadline Exceeded");
        }
        catch (OperationCanceledException) when (call.IsClientGone)
        {
            return (GrpcStatusCode.Cancelled, "Call cancelled by the client.");
        }
        catch (Exception e)
        {
            GrpcServerLog.HandlerFailed(logger, e, method);
            return (GrpcStatusCode.Unknown, "Exception was thrown by handler.");
        }
    }

    private static async Task WaitForAbandonedHandlerAsync(Task work, ILogger logger, string method)
    {
        if (work.IsCompleted)
        {
            return;
        }

        // Observe the late outcome so it is never an unobserved task exception.
        _ = work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        await Task.WhenAny(work, Task.Delay(AbandonedHandlerGrace));
        if (!work.IsCompleted)
        {
            GrpcServerLog.HandlerStillRunning(logger, method);
        }
    }
}
