using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.WebUtilities;

namespace Nginx502Bot.Bot.Slack;

/// <summary>
/// <c>POST /slack/commands</c>, <c>/slack/events</c>, <c>/slack/interactivity</c>: verified by
/// <see cref="SlackSignatureFilter"/>, acknowledged at once; the work runs on the background queue.
/// </summary>
public static class SlackEndpoints
{
    public static RouteGroupBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "/slack")
    {
        var group = endpoints.MapGroup(prefix).AddEndpointFilter<SlackSignatureFilter>();
        group.MapPost("/commands", CommandAsync);
        group.MapPost("/events", EventAsync);
        group.MapPost("/interactivity", InteractionAsync);
        return group;
    }

    private static async Task<IResult> CommandAsync(HttpContext http, SlackInboundHandler inbound)
    {
        var form = Form(http);
        var ack = await inbound.AcceptSlashCommandAsync(form, http.RequestAborted);
        return ack.Length == 0 ? Results.Ok() : Results.Json(new { response_type = "ephemeral", text = ack });
    }

    private static async Task<IResult> EventAsync(HttpContext http, SlackInboundHandler inbound)
    {
        using var document = TryParse(Body(http));
        if (document is null)
        {
            return Results.BadRequest();
        }

        var root = document.RootElement;
        if (root.TryGetProperty("type", out var type) && type.GetString() == "url_verification")
        {
            return Results.Json(new { challenge = root.GetProperty("challenge").GetString() });
        }

        await inbound.AcceptEventAsync(root, http.RequestAborted);
        return Results.Ok();
    }

    private static async Task<IResult> InteractionAsync(HttpContext http, SlackInboundHandler inbound)
    {
        if (!Form(http).TryGetValue("payload", out var payload))
        {
            return Results.BadRequest();
        }

        using var document = TryParse(Encoding.UTF8.GetBytes(payload));
        if (document is null)
        {
            return Results.BadRequest();
        }

        await inbound.AcceptInteractionAsync(document.RootElement, http.RequestAborted);
        return Results.Ok();
    }

    /// <summary>A signed but malformed body is a 400, not a 500.</summary>
    private static JsonDocument? TryParse(byte[] body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] Body(HttpContext http) => (byte[])http.Items[SlackSignatureFilter.BodyKey]!;

    private static Dictionary<string, string> Form(HttpContext http) =>
        QueryHelpers.ParseQuery(Encoding.UTF8.GetString(Body(http))).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
}
