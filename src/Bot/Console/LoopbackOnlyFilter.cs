using System.Net;
using Microsoft.AspNetCore.Http;

namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>
/// The console has no authentication, so it answers loopback clients only (403 otherwise), whatever Kestrel binds,
/// and only under a loopback host name, so a web page using DNS rebinding cannot drive it from the user's browser.
/// </summary>
public sealed class LoopbackOnlyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var remote = http.Connection.RemoteIpAddress;
        var fromLoopback = remote is null || IPAddress.IsLoopback(remote);
        return fromLoopback && IsLoopbackHost(http.Request.Host.Host)
            ? next(context)
            : ValueTask.FromResult<object?>(Results.StatusCode(StatusCodes.Status403Forbidden));
    }

    private static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
