using System.Net;
using Microsoft.AspNetCore.Http;

namespace Nginx502Bot.Bot.LocalConsole;

/// <summary>The console has no authentication, so it answers loopback clients only (403 otherwise), whatever Kestrel binds.</summary>
public sealed class LoopbackOnlyFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var remote = context.HttpContext.Connection.RemoteIpAddress;
        return remote is null || IPAddress.IsLoopback(remote) ? next(context) : ValueTask.FromResult<object?>(Results.StatusCode(StatusCodes.Status403Forbidden));
    }
}
