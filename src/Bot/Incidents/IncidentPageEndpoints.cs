using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Nginx502Bot.Incidents.Pages;
using Nginx502Bot.Incidents.Postmortems;
using Nginx502Bot.Incidents.Storage;

namespace Nginx502Bot.Bot.Incidents;

/// <summary>
/// <c>GET /incidents</c>, <c>/incidents/{n}</c>, <c>/incidents/{n}/postmortem</c> and its Markdown export
/// <c>/incidents/{n}/postmortem.md</c>. Signed links are the only access control: every request must carry a valid
/// <c>exp</c>/<c>sig</c> for its resource (the number, or <c>list</c>), otherwise 403 before anything is read.
/// </summary>
public static class IncidentPageEndpoints
{
    private const string Html = "text/html; charset=utf-8";
    private static readonly string[] Statuses = ["open", "mitigated", "resolved"];

    public static RouteGroupBuilder MapIncidentPages(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/incidents");
        group.MapGet("", ListAsync);
        group.MapGet("/{number:long}", IncidentAsync);
        group.MapGet("/{number:long}/postmortem", PostmortemAsync);
        group.MapGet("/{number:long}/postmortem.md", MarkdownAsync);
        return group;
    }

    private static Task<IResult> ListAsync(HttpContext http, SignedLinks links, IncidentPages pages, IncidentRepository incidents) =>
        PageAsync(http, links, "list", async ct =>
        {
            var query = http.Request.Query;
            var status = query["status"].ToString();
            var filter = new IncidentFilter
            {
                Status = Statuses.Contains(status) ? status : null,
                RootCause = Optional(query["rootCause"].ToString()),
                Target = Optional(query["target"].ToString()),
            };
            var html = pages.RenderList(await incidents.ListAsync(filter, ct), filter);
            return Results.Content(KeepSignatureInFilterForm(html, query["exp"].ToString(), query["sig"].ToString()), Html);
        });

    private static Task<IResult> IncidentAsync(long number, HttpContext http, SignedLinks links, IncidentPages pages, PostmortemBuilder builder) =>
        PageAsync(http, links, Resource(number), async ct =>
            await builder.BuildAsync(number, ct) is { } pm ? Results.Content(pages.RenderIncident(pm), Html) : Results.NotFound());

    private static Task<IResult> PostmortemAsync(long number, HttpContext http, SignedLinks links, PostmortemBuilder builder) =>
        PageAsync(http, links, Resource(number), async ct =>
            await builder.BuildAsync(number, ct) is { } pm ? Results.Content(IncidentPages.RenderPostmortem(pm), Html) : Results.NotFound());

    private static Task<IResult> MarkdownAsync(long number, HttpContext http, SignedLinks links, PostmortemBuilder builder) =>
        PageAsync(http, links, Resource(number), async ct =>
            await builder.BuildAsync(number, ct) is { } pm
                ? Results.Text(PostmortemMarkdownRenderer.Render(pm), "text/markdown; charset=utf-8")
                : Results.NotFound());

    /// <summary>Verifies the link first; pages are private to whoever holds the link, so they are never cached or leaked as referrers.</summary>
    private static async Task<IResult> PageAsync(HttpContext http, SignedLinks links, string resource, Func<CancellationToken, Task<IResult>> render)
    {
        var query = http.Request.Query;
        if (!long.TryParse(query["exp"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || !links.Verify(resource, expires, query["sig"].ToString()))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        try
        {
            return await render(http.RequestAborted);
        }
        catch (Exception ex) when (Transient.IsUnreachable(ex))
        {
            return Results.Text("The incident database is unreachable right now; try again in a minute.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    /// <summary>The list's filter form submits with GET, which replaces the query string: carry the signature along.</summary>
    private static string KeepSignatureInFilterForm(string html, string expires, string signature)
    {
        const string Form = "<form method=\"get\" id=\"filters\">";
        var hidden = $"<input type=\"hidden\" name=\"exp\" value=\"{HtmlEncoder.Default.Encode(expires)}\"><input type=\"hidden\" name=\"sig\" value=\"{HtmlEncoder.Default.Encode(signature)}\">";
        return html.Replace(Form, Form + hidden, StringComparison.Ordinal);
    }

    private static string Resource(long number) => number.ToString(CultureInfo.InvariantCulture);

    private static string? Optional(string value) => value.Length > 0 ? value : null;
}
