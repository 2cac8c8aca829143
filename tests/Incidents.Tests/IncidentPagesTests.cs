using System.Net;
using System.Text.RegularExpressions;
using Nginx502Bot.Incidents.Lifecycle;
using Nginx502Bot.Incidents.Model;
using Nginx502Bot.Incidents.Pages;
using Nginx502Bot.Incidents.Postmortems;
using Nginx502Bot.Incidents.Storage;
using Nginx502Bot.Incidents.Tests.Infrastructure;

namespace Nginx502Bot.Incidents.Tests;

/// <summary>The incident pages rendered by a real browser (Debian's headless Chromium) over real HTTP on loopback.</summary>
public sealed partial class IncidentPagesTests(DatabaseFixture db) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task IncidentAndPostmortemPages_RenderTimelineInOrderAndChart()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        var number = await SeedAsync(host);
        using var server = Serve(host);

        var incidentDom = await Chromium.DumpDomAsync(Signed(server, host.Get<SignedLinks>().IncidentUrl(number)));
        var postmortemDom = await Chromium.DumpDomAsync(Signed(server, host.Get<SignedLinks>().PostmortemUrl(number)));

        foreach (var dom in new[] { incidentDom, postmortemDom })
        {
            Assert.Contains("<svg id=\"chart-502\"", dom);
            Assert.True(BarRegex().Count(dom) >= 2, "chart has bars");
            var times = TimeRegex().Matches(Section(dom, "timeline")).Select(m => DateTimeOffset.Parse(m.Groups[1].Value)).ToList();
            Assert.True(times.Count >= 6, $"timeline has {times.Count} events");
            Assert.Equal(times.Order(), times);
        }

        Assert.Contains("<code id=\"root-cause\">wrong_target</code>", postmortemDom);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", incidentDom); // chat text is encoded, never markup
    }

    [Fact]
    public async Task ListPage_RendersIncidentsAndFilters()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        await SeedAsync(host);
        using var server = Serve(host);

        var dom = await Chromium.DumpDomAsync(Signed(server, host.Get<SignedLinks>().ListUrl()) + "&status=resolved");

        Assert.Contains("<form method=\"get\" id=\"filters\">", dom);
        Assert.Contains("<option selected=\"\">resolved</option>", dom);
        Assert.Contains("class=\"incident\"", dom);
        Assert.DoesNotContain("status-open\">open", dom);
    }

    [Fact]
    public async Task TamperedLink_Forbidden()
    {
        await using var host = await IncidentsHost.StartAsync(db.ConnectionString);
        var number = await SeedAsync(host);
        using var server = Serve(host);
        using var http = new HttpClient();

        var good = await http.GetAsync(Signed(server, host.Get<SignedLinks>().IncidentUrl(number)));
        var bad = await http.GetAsync(Signed(server, host.Get<SignedLinks>().IncidentUrl(number)).Replace("sig=", "sig=0", StringComparison.Ordinal)[..^1]);

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
    }

    private static async Task<long> SeedAsync(IncidentsHost host)
    {
        var service = host.Get<IncidentService>();
        var t0 = host.Clock.GetUtcNow();
        var opened = await service.ReportAsync(Reports.For($"127.0.0.1:{Random.Shared.Next(2000, 60000)}", t0, count: 25, rootCause: "wrong_target"), CancellationToken.None);
        var id = opened.Incident.Id;
        var k = Guid.NewGuid().ToString("N"); // idempotency keys are unique database-wide, and tests share the database
        await service.AddNoteAsync(id, "U2", "<script>alert(1)</script> looks like the port", t0.AddMinutes(4), $"{k}-n1", pinned: false, CancellationToken.None);
        await service.AcknowledgeAsync(id, "U1", t0.AddMinutes(2), $"{k}-a1", CancellationToken.None);
        await service.RecordAsync(id, TimelineEventKind.ProbeResult, "agent", "php-fpm on :9001", t0.AddMinutes(1), $"{k}-p1", null, pinned: true, CancellationToken.None);
        await service.ResolveAsync(id, "U1", t0.AddMinutes(12), "fixed", $"{k}-r1", CancellationToken.None);
        Assert.Equal(0, host.Get<IncidentStore>().PendingInOutbox);
        return (await host.Get<IncidentRepository>().GetAsync(id, CancellationToken.None))!.Number;
    }

    /// <summary>What the bot's endpoints will do: verify the signature, then render.</summary>
    private static PageServer Serve(IncidentsHost host) => new(async uri =>
    {
        var query = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        var resource = segments.Length >= 2 ? segments[1] : "list";
        if (!query.TryGetValue("exp", out var exp) || !query.TryGetValue("sig", out var sig) || !host.Get<SignedLinks>().Verify(resource, long.Parse(exp), sig))
        {
            return (403, "forbidden");
        }

        var pages = host.Get<IncidentPages>();
        if (resource == "list")
        {
            var filter = new IncidentFilter { Status = query.GetValueOrDefault("status") is { Length: > 0 } s ? s : null };
            return (200, pages.RenderList(await host.Get<IncidentRepository>().ListAsync(filter, CancellationToken.None), filter));
        }

        var pm = await host.Get<PostmortemBuilder>().BuildAsync(long.Parse(resource), CancellationToken.None);
        return pm is null ? (404, null) : (200, segments.Length == 3 ? IncidentPages.RenderPostmortem(pm) : pages.RenderIncident(pm));
    });

    private static string Signed(PageServer server, string url) => server.BaseUrl + new Uri(url).PathAndQuery;

    private static string Section(string dom, string id)
    {
        var start = dom.IndexOf($"<ol id=\"{id}\">", StringComparison.Ordinal);
        return dom[start..dom.IndexOf("</ol>", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex("<rect class=\"bar\"")]
    private static partial Regex BarRegex();

    [GeneratedRegex("<time datetime=\"([^\"]+)\"")]
    private static partial Regex TimeRegex();
}
